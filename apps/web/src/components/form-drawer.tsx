import { Alert, Button, Drawer, Flex } from 'antd';
import type { ReactNode } from 'react';
import { useI18n } from '../lib/i18n';
import { useIsMobile } from '../lib/responsive';

interface FormDrawerProps {
  open: boolean;
  title: ReactNode;
  onClose: () => void;
  onSubmit: () => void;
  submitting?: boolean;
  /** A problem that belongs to no single field (shown above the form). */
  error?: string | null;
  width?: number;
  children: ReactNode;
}

/** The create/edit side panel of the list pages: full screen on phones. */
export function FormDrawer({
  open,
  title,
  onClose,
  onSubmit,
  submitting,
  error,
  width = 520,
  children,
}: FormDrawerProps) {
  const { t } = useI18n();
  const isMobile = useIsMobile();
  return (
    <Drawer
      open={open}
      title={title}
      onClose={onClose}
      size={isMobile ? '100%' : width}
      destroyOnHidden
      footer={
        <Flex justify="flex-end" gap={8}>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={submitting} onClick={onSubmit} data-testid="form-submit">
            {t('common.save')}
          </Button>
        </Flex>
      }
    >
      {error && (
        <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} data-testid="form-error" />
      )}
      {children}
    </Drawer>
  );
}
