import type { EvidenceCompleteness } from '@chuangcheng/contracts';
import { Alert, Card, Col, Empty, List, Progress, Row, Statistic, Typography } from 'antd';
import { useIsMobile } from '../../../lib/responsive';

const color = (percent: number) => (percent >= 90 ? '#52c41a' : percent >= 60 ? '#faad14' : '#ff4d4f');

/** 台账完整率: the campaign's overall figure, each unit's, and the consistency issues found. */
export function CompletenessSummary({ data }: { data: EvidenceCompleteness }) {
  const isMobile = useIsMobile();
  const units = [...data.byUnit].sort((a, b) => a.percent - b.percent);
  return (
    <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
      <Col xs={24} md={8}>
        <Card size="small" title="台账完整率" style={{ height: '100%' }} data-testid="evidence-completeness">
          <Row align="middle" gutter={16}>
            <Col flex="none">
              <Progress
                type="dashboard"
                percent={Math.round(data.percent * 10) / 10}
                strokeColor={color(data.percent)}
                size={isMobile ? 110 : 132}
              />
            </Col>
            <Col flex="auto">
              <Statistic title="已接受 / 应有" value={data.present} suffix={`/ ${data.required}`} />
              {data.pending > 0 && (
                <div className="cc-muted" data-testid="evidence-pending">
                  {data.pending} 项待审核（审核通过后计入）
                </div>
              )}
              <Typography.Text type="danger">缺 {data.required - data.present} 份</Typography.Text>
              <div className="cc-muted" style={{ fontSize: 12 }}>
                统计至 {data.asOf}
              </div>
            </Col>
          </Row>
        </Card>
      </Col>
      <Col xs={24} md={16}>
        <Card
          size="small"
          title="各责任单位完整率"
          style={{ height: '100%' }}
          styles={{ body: { maxHeight: 260, overflowY: 'auto' } }}
        >
          {units.length === 0 ? (
            <Empty description="任务分解表中还没有责任单位" />
          ) : (
            <List
              size="small"
              dataSource={units}
              renderItem={(u) => (
                <List.Item style={{ display: 'block' }}>
                  <Row gutter={8} align="middle" wrap={false}>
                    <Col flex={isMobile ? '96px' : '160px'}>
                      <Typography.Text ellipsis style={{ width: '100%' }}>
                        {u.unitName}
                      </Typography.Text>
                    </Col>
                    <Col flex="auto">
                      <Progress
                        percent={Math.round(u.percent * 10) / 10}
                        strokeColor={color(u.percent)}
                        format={() => `${u.present}/${u.required}`}
                      />
                    </Col>
                  </Row>
                </List.Item>
              )}
            />
          )}
        </Card>
      </Col>
      {data.issues.length > 0 && (
        <Col xs={24}>
          <Alert
            type="warning"
            showIcon
            title={`一致性检查发现 ${data.issues.length} 个问题`}
            description={
              <ul style={{ margin: 0, paddingInlineStart: 18 }}>
                {data.issues.slice(0, 8).map((i) => (
                  <li key={`${i.fileId}-${i.kind}`}>
                    {i.title}：{i.message}
                  </li>
                ))}
                {data.issues.length > 8 && <li>… 共 {data.issues.length} 项，见下方资料列表的标记</li>}
              </ul>
            }
            data-testid="evidence-issues"
          />
        </Col>
      )}
    </Row>
  );
}
