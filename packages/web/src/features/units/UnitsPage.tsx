import { REFORM_2025_DATE, type Unit } from '@tuoitho/domain';
import { Alert, Button, Card, Col, DatePicker, Flex, Row } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader';
import { API_DATE_FORMAT, DATE_FORMAT, dayjs, todayInVietnam } from '../../lib/dates';
import { UnitDetails } from './UnitDetails';
import { UnitSearch } from './UnitSearch';
import { type RevealRequest, UnitTree } from './UnitTree';

/** The last day of the three-level tree (province > district > commune). */
const LAST_PRE_REFORM_DATE = '2025-06-30';

/** "Đơn vị hành chính": the tree at a date, search, details and the 2025 old→new mapping. */
export default function UnitsPage() {
  const { t } = useTranslation();
  const today = todayInVietnam();
  const [at, setAt] = useState(today);
  const [selectedCode, setSelectedCode] = useState<string>();
  const [reveal, setReveal] = useState<RevealRequest>();
  const isOldTree = at < REFORM_2025_DATE;

  const changeDate = (date: string) => {
    setAt(date);
    setSelectedCode(undefined);
    setReveal(undefined);
  };

  const select = (code: string, shouldReveal: boolean) => {
    setSelectedCode(code);
    if (shouldReveal) setReveal({ code, token: Date.now() });
  };

  const showToday = (unit: Unit) => {
    setAt(today);
    select(unit.code, true);
  };

  return (
    <>
      <PageHeader title={t('units.title')} intro={t('units.intro')} />
      <Flex align="center" gap={8} wrap style={{ marginBottom: 16 }}>
        <label htmlFor="unit-at">{t('units.at')}</label>
        <DatePicker
          id="unit-at"
          allowClear={false}
          format={DATE_FORMAT}
          value={dayjs(at)}
          onChange={(value) => value && changeDate(value.format(API_DATE_FORMAT))}
          data-testid="unit-at"
        />
        <Button onClick={() => changeDate(today)} disabled={at === today}>
          {t('units.today')}
        </Button>
        <Button onClick={() => changeDate(LAST_PRE_REFORM_DATE)} disabled={at === LAST_PRE_REFORM_DATE}>
          {t('units.beforeReform')}
        </Button>
      </Flex>
      {isOldTree ? (
        <Alert type="info" showIcon title={t('units.oldTree')} style={{ marginBottom: 16 }} />
      ) : null}
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={11}>
          <Card title={t('units.tree')} styles={{ body: { paddingTop: 12 } }}>
            <UnitSearch at={at} selectedCode={selectedCode} onSelect={(unit) => select(unit.code, true)} />
            <UnitTree
              key={at}
              at={at}
              selectedCode={selectedCode}
              reveal={reveal}
              onSelect={(unit) => select(unit.code, false)}
            />
          </Card>
        </Col>
        <Col xs={24} lg={13}>
          <Card title={t('units.details')}>
            <UnitDetails code={selectedCode} at={at} onShowToday={showToday} />
          </Card>
        </Col>
      </Row>
    </>
  );
}
