import { type ProgrammeKind, programmeKindLabels } from '@tuoitho/domain';
import { Tag } from 'antd';
import { useLanguage } from '../children/ChildTags';
import { labelOf } from '../children/childText';

const kindColors: Record<ProgrammeKind, string> = {
  action_month: 'magenta',
  drowning_prevention: 'blue',
  universal_preschool: 'gold',
  child_friendly: 'green',
  abuse_prevention: 'volcano',
  national_action: 'purple',
  other: 'default',
};

export function ProgrammeKindTag({ kind }: { kind: ProgrammeKind }) {
  const language = useLanguage();
  return (
    <Tag color={kindColors[kind]} style={{ marginInlineEnd: 0, whiteSpace: 'normal' }}>
      {labelOf(programmeKindLabels, kind, language)}
    </Tag>
  );
}
