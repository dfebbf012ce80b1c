import { DeleteOutlined, UserAddOutlined } from '@ant-design/icons';
import type { Case } from '@tuoitho/domain';
import { App, Button, Flex, Form, Popconfirm, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { formatDateTime } from '../../../lib/dates';
import { describeError } from '../../../lib/errors';
import { useAddCaseMember, useCaseMembers, useRemoveCaseMember } from '../api';
import { UnitUserSelect } from './ActionFields';

/** "Người được xem": who may read the case besides the officer in charge and the leaders. */
export function CaseMembersTab({ caseData, unitId }: { caseData: Case; unitId: number | undefined }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const members = useCaseMembers(caseData.id);
  const add = useAddCaseMember(caseData.id);
  const remove = useRemoveCaseMember(caseData.id);
  const [form] = Form.useForm<{ userId: string }>();
  const canManage = caseData.canManageMembers;
  const items = members.data?.items ?? [];

  return (
    <Flex vertical gap={12}>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {t('cases.members.intro')}
      </Typography.Paragraph>
      {canManage ? (
        <Form
          form={form}
          layout="inline"
          onFinish={({ userId }) =>
            add.mutate(
              { userId },
              {
                onSuccess: () => {
                  form.resetFields();
                  void message.success(t('cases.members.added'));
                },
              },
            )
          }
        >
          <Form.Item
            name="userId"
            rules={[{ required: true, message: t('cases.members.userRequired') }]}
            style={{ minWidth: 320 }}
          >
            <UnitUserSelect unitId={unitId} exclude={items.map((member) => member.userId)} />
          </Form.Item>
          <Button
            type="primary"
            htmlType="submit"
            icon={<UserAddOutlined />}
            loading={add.isPending}
            data-testid="case-member-add"
          >
            {t('cases.members.add')}
          </Button>
        </Form>
      ) : null}
      {add.error ? <ErrorAlert error={add.error} /> : null}
      {members.isError ? <ErrorAlert error={members.error} onRetry={() => void members.refetch()} /> : null}
      <Table
        data-testid="case-members"
        size="small"
        rowKey="userId"
        loading={members.isPending}
        pagination={false}
        dataSource={items}
        locale={{ emptyText: t('cases.members.empty') }}
        columns={[
          { title: t('cases.members.name'), dataIndex: 'name', key: 'name' },
          { title: t('cases.members.unit'), dataIndex: 'unitName', key: 'unit' },
          {
            title: t('cases.members.addedAt'),
            key: 'addedAt',
            render: (_value, member) =>
              `${formatDateTime(member.addedAt)}${member.addedBy ? ` · ${member.addedBy}` : ''}`,
          },
          ...(canManage
            ? [
                {
                  title: '',
                  key: 'remove',
                  width: 60,
                  render: (_value: unknown, member: { userId: string; name: string }) => (
                    <Popconfirm
                      title={t('cases.members.removeConfirm', { name: member.name })}
                      okText={t('cases.members.remove')}
                      cancelText={t('common.cancel')}
                      onConfirm={() =>
                        remove.mutate(member.userId, {
                          onError: (error) => void message.error(describeError(error, t)),
                        })
                      }
                    >
                      <Button icon={<DeleteOutlined />} aria-label={t('cases.members.remove')} danger />
                    </Popconfirm>
                  ),
                },
              ]
            : []),
        ]}
      />
    </Flex>
  );
}
