import {
  type FindingSeverity,
  findingSeverityLabels,
  type InspectionTopic,
  inspectionTopicLabels,
  type RecommendationState,
  recommendationStateLabels,
} from '@tuoitho/domain';
import { Flex, Tag } from 'antd';
import { useLanguage } from '../children/ChildTags';
import { severityColors, stateColors } from './inspectionText';

/** The state of a recommendation (overdue in red). */
export function RecommendationStateTag({ state, testId }: { state: RecommendationState; testId?: string }) {
  const language = useLanguage();
  return (
    <Tag color={stateColors[state]} data-testid={testId} style={{ marginInlineEnd: 0 }}>
      {recommendationStateLabels[state][language]}
    </Tag>
  );
}

export function SeverityTag({ severity }: { severity: FindingSeverity }) {
  const language = useLanguage();
  return <Tag color={severityColors[severity]}>{findingSeverityLabels[severity][language]}</Tag>;
}

export function TopicTags({ topics }: { topics: readonly InspectionTopic[] }) {
  const language = useLanguage();
  return (
    <Flex gap={4} wrap>
      {topics.map((topic) => (
        <Tag key={topic} style={{ marginInlineEnd: 0, whiteSpace: 'normal' }}>
          {inspectionTopicLabels[topic][language]}
        </Tag>
      ))}
    </Flex>
  );
}
