import { useQueryClient } from '@tanstack/react-query';
import type { Unit } from '@tuoitho/domain';
import { Empty, type GetRef, Spin, Tree, type TreeDataNode, type TreeProps, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { ErrorAlert } from '../../components/ErrorAlert';
import { unitQueries, useUnitRoots } from './api';

export interface RevealRequest {
  code: string;
  /** Changes on each request, so that revealing the same unit twice works. */
  token: number;
}

interface UnitTreeProps {
  at: string;
  selectedCode: string | undefined;
  onSelect: (unit: Unit) => void;
  /** Expands the tree down to this unit and scrolls to it. */
  reveal?: RevealRequest | undefined;
  height?: number;
}

interface UnitNode extends TreeDataNode {
  key: string;
  unit: Unit;
}

function toNodes(units: Unit[], childrenByCode: Record<string, Unit[]>): UnitNode[] {
  return units.map((unit) => {
    const children = childrenByCode[unit.code];
    return {
      key: unit.code,
      unit,
      isLeaf: !unit.hasChildren,
      title: (
        <span>
          {unit.fullName}{' '}
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {unit.code}
          </Typography.Text>
        </span>
      ),
      children: children ? toNodes(children, childrenByCode) : undefined,
    };
  });
}

/** The unit tree valid at a date; children are loaded when a node is opened. Remount it on a new date. */
export function UnitTree({ at, selectedCode, onSelect, reveal, height = 520 }: UnitTreeProps) {
  const queryClient = useQueryClient();
  const roots = useUnitRoots(at);
  const [childrenByCode, setChildrenByCode] = useState<Record<string, Unit[]>>({});
  const [expandedKeys, setExpandedKeys] = useState<string[]>([]);
  const treeRef = useRef<GetRef<typeof Tree>>(null);

  const loadChildren = async (code: string): Promise<void> => {
    const children = await queryClient.fetchQuery(unitQueries.children(code, at));
    setChildrenByCode((current) => ({ ...current, [code]: children }));
  };

  const loadData: TreeProps<UnitNode>['loadData'] = async (node) => {
    if (childrenByCode[node.key] || node.isLeaf) return;
    await loadChildren(node.key);
  };

  useEffect(() => {
    if (!reveal) return;
    let isCurrent = true;
    void (async () => {
      const path = await queryClient.fetchQuery(unitQueries.path(reveal.code, at));
      const ancestors = path.filter((unit) => unit.code !== reveal.code);
      for (const ancestor of ancestors) {
        const children = await queryClient.fetchQuery(unitQueries.children(ancestor.code, at));
        if (!isCurrent) return;
        setChildrenByCode((current) => ({ ...current, [ancestor.code]: children }));
      }
      if (!isCurrent) return;
      setExpandedKeys((current) => [...new Set([...current, ...ancestors.map((unit) => unit.code)])]);
      setTimeout(() => treeRef.current?.scrollTo({ key: reveal.code, align: 'top' }), 50);
    })().catch((error: unknown) => console.warn('Không mở được cây đến đơn vị', error));
    return () => {
      isCurrent = false;
    };
  }, [reveal, at, queryClient]);

  if (roots.isPending) return <Spin style={{ display: 'block', padding: 24 }} />;
  if (roots.isError) return <ErrorAlert error={roots.error} onRetry={() => void roots.refetch()} />;
  if (roots.data.length === 0) return <Empty />;

  return (
    <div data-testid="unit-tree">
      <Tree<UnitNode>
        ref={treeRef}
        blockNode
        showLine
        height={height}
        treeData={toNodes(roots.data, childrenByCode)}
        loadData={loadData}
        loadedKeys={Object.keys(childrenByCode)}
        expandedKeys={expandedKeys}
        onExpand={(keys) => setExpandedKeys(keys.map(String))}
        selectedKeys={selectedCode ? [selectedCode] : []}
        onSelect={(_keys, info) => onSelect(info.node.unit)}
      />
    </div>
  );
}
