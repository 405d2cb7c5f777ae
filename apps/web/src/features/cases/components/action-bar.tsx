import type { AllowedAction, CaseDetail } from '@chuangcheng/contracts';
import { Button, Flex } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../../lib/i18n';
import { ActionModal, isDangerAction, useActionLabel } from './action-modal';

/** The one action that moves the case forward gets the primary style; refusals are red; 备注 stays plain. */
function primaryOf(actions: AllowedAction[]): AllowedAction | undefined {
  return actions.find((a) => !isDangerAction(a.action) && a.action !== 'comment');
}

/** One button per action the server allows now — nothing more (DESIGN.md rule 1). */
export function ActionBar({ detail, sticky }: { detail: CaseDetail; sticky?: boolean }) {
  const { t } = useI18n();
  const labelOf = useActionLabel();
  const [current, setCurrent] = useState<AllowedAction | null>(null);
  const actions = detail.allowedActions;
  const primary = primaryOf(actions);

  return (
    <div className={sticky ? 'cc-action-bar cc-action-bar-sticky' : 'cc-action-bar'} data-testid="action-bar">
      {actions.length === 0 ? (
        <span className="cc-muted">{t('cases.noActions')}</span>
      ) : (
        <Flex gap={8} wrap>
          {actions.map((a) => (
            <Button
              key={a.action}
              type={a === primary ? 'primary' : 'default'}
              danger={isDangerAction(a.action)}
              onClick={() => setCurrent(a)}
              data-testid={`action-${a.action}`}
            >
              {labelOf(a)}
            </Button>
          ))}
        </Flex>
      )}
      <ActionModal detail={detail} action={current} onClose={() => setCurrent(null)} />
    </div>
  );
}
