import { Button, Result } from 'antd';
import { Component, type ErrorInfo, type ReactNode } from 'react';
import { translate } from '../lib/i18n';

interface State {
  error: Error | null;
}

/** Keeps a crashing page from blanking the whole console; the layout resets it on navigation (key). */
export class ErrorBoundary extends Component<{ children: ReactNode }, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error('page crashed', error, info.componentStack);
  }

  override render() {
    if (!this.state.error) return this.props.children;
    const chunkFailed = /dynamically imported module|Importing a module script failed/i.test(
      this.state.error.message,
    );
    return (
      <Result
        status="error"
        title={translate('error.pageCrashed')}
        subTitle={chunkFailed ? translate('error.network') : this.state.error.message}
        extra={
          <Button type="primary" onClick={() => window.location.reload()}>
            {translate('common.refresh')}
          </Button>
        }
      />
    );
  }
}
