import { DownOutlined } from '@ant-design/icons';
import type { AllowedAction, CaseAction } from '@chuangcheng/contracts';
import { Button, Dropdown, type MenuProps, Spin } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../../../lib/api-client';
import { useI18n } from '../../../lib/i18n';
import { useCase } from '../api/get-case';
import { ActionModal, isDangerAction, useActionLabel } from './action-modal';

/**
 * "办理 ▾" on a queue row: the case's allowedActions are fetched when the menu opens (a list row does not
 * carry them), and a pick opens the same action modal as the detail page.
 */
export function QuickActions({ caseId, only }: { caseId: string; only?: readonly CaseAction[] }) {
  const { t, locale } = useI18n();
  const labelOf = useActionLabel();
  const [open, setOpen] = useState(false);
  const [current, setCurrent] = useState<AllowedAction | null>(null);
  const detail = useCase(caseId, open || current !== null);

  const actions = (detail.data?.allowedActions ?? []).filter((a) => !only || only.includes(a.action));
  let items: MenuProps['items'];
  if (detail.isPending) items = [{ key: 'loading', disabled: true, label: <Spin size="small" /> }];
  else if (detail.isError) {
    items = [{ key: 'error', disabled: true, danger: true, label: errorMessage(detail.error, locale) }];
  } else if (actions.length === 0) items = [{ key: 'none', disabled: true, label: t('cases.noActions') }];
  else {
    items = actions.map((a) => ({
      key: a.action,
      label: labelOf(a),
      danger: isDangerAction(a.action),
      onClick: () => setCurrent(a),
    }));
  }

  return (
    <>
      <Dropdown menu={{ items }} trigger={['click']} open={open} onOpenChange={setOpen}>
        <Button size="small" type="link" data-testid={`quick-actions-${caseId}`}>
          {t('cases.handle')} <DownOutlined />
        </Button>
      </Dropdown>
      {detail.data && <ActionModal detail={detail.data} action={current} onClose={() => setCurrent(null)} />}
    </>
  );
}
