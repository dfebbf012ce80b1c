import { QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import viVN from 'antd/locale/vi_VN';
import { useTranslation } from 'react-i18next';
import { BrowserRouter } from 'react-router-dom';
import { AuthGate } from '../features/auth/AuthGate';
import { queryClient } from '../lib/queryClient';
import { AppLayout } from './AppLayout';
import { AppRoutes } from './AppRoutes';
import { ErrorBoundary } from './ErrorBoundary';

const theme = {
  token: { colorPrimary: '#0e7c86', colorLink: '#0b6a73', borderRadius: 8 },
  components: {
    Menu: { itemSelectedBg: '#dff2ef', itemSelectedColor: '#0b6a73' },
    Tree: { nodeSelectedBg: '#cdeae5' },
  },
};

/** Providers in order: data, locale and theme, routing, then the session gate and the shell. */
export function App() {
  const { i18n } = useTranslation();
  const isEnglish = i18n.language === 'en';

  return (
    <QueryClientProvider client={queryClient}>
      <ConfigProvider locale={isEnglish ? enUS : viVN} theme={theme}>
        <AntApp>
          <ErrorBoundary>
            <BrowserRouter>
              <AuthGate>
                <AppLayout>
                  <AppRoutes />
                </AppLayout>
              </AuthGate>
            </BrowserRouter>
          </ErrorBoundary>
        </AntApp>
      </ConfigProvider>
    </QueryClientProvider>
  );
}
