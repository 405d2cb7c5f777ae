import type { RoundDetail } from '@chuangcheng/contracts';
import { Card, Col, Progress, Row, Statistic, Tag } from 'antd';
import { fmtScore, RoundKindTag, VerdictTag } from './tags';

/** Total, verdict, veto status and progress of a round: updated by every save. */
export function RoundHeader({ round, pass, basic }: { round: RoundDetail; pass?: number; basic?: number }) {
  const percent = round.leaves ? Math.round((round.scoredLeaves / round.leaves) * 100) : 0;
  return (
    <Card size="small" className="cc-round-summary" style={{ marginBottom: 12 }} data-testid="round-header">
      <Row gutter={[16, 12]} align="middle">
        <Col xs={12} md={6}>
          <Statistic
            title="总分"
            value={fmtScore(round.total)}
            suffix={
              <span className="cc-muted" style={{ fontSize: 14 }}>
                / {fmtScore(round.totalPoints)}
              </span>
            }
            styles={{ content: { fontSize: 30, fontWeight: 700 } }}
            data-testid="round-total"
          />
        </Col>
        <Col xs={12} md={6}>
          <div className="cc-muted" style={{ marginBottom: 6 }}>
            结论
          </div>
          <VerdictTag verdict={round.verdict} large />
          {pass !== undefined && basic !== undefined && (
            <div className="cc-muted" style={{ fontSize: 12, marginTop: 6 }}>
              达标 {fmtScore(pass)} · 基本达标 {fmtScore(basic)}
            </div>
          )}
        </Col>
        <Col xs={12} md={6}>
          <div className="cc-muted" style={{ marginBottom: 6 }}>
            一票否决项
          </div>
          <div data-testid="round-veto">
            {round.vetoFailed > 0 ? (
              <Tag color="error">不达标 {round.vetoFailed}</Tag>
            ) : (
              <Tag color="success">无不达标</Tag>
            )}
            {round.vetoUnknown > 0 && <Tag>未评估 {round.vetoUnknown}</Tag>}
          </div>
        </Col>
        <Col xs={12} md={6}>
          <div className="cc-muted" style={{ marginBottom: 6 }}>
            评分进度 <RoundKindTag kind={round.kind} />
            {round.status === 'closed' && <Tag>已结束</Tag>}
          </div>
          <Progress percent={percent} format={() => `${round.scoredLeaves}/${round.leaves}`} />
        </Col>
      </Row>
    </Card>
  );
}
