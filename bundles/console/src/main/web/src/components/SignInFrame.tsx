import { LoginPage } from '@patternfly/react-core';
import { useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitcher } from './LanguageSwitcher';
import { ThemeToggle } from './ThemeToggle';
import './SignInFrame.css';

/**
 * The frame of the pages shown before the console proper: sign-in, forced password change, legal terms. Language
 * and theme can be switched here too, so nobody has to sign in in a language they cannot read.
 */
export function SignInFrame({ title, subtitle, children }: { title: string; subtitle?: string; children: ReactNode }) {
  const { t, i18n } = useTranslation();

  useEffect(() => {
    document.documentElement.lang = i18n.language;
  }, [i18n.language]);

  return (
    <>
      <title>{t('app.pageTitle', { page: title })}</title>
      <LoginPage
        className="garrison-sign-in"
        brandImgSrc={`${import.meta.env.BASE_URL}favicon.svg`}
        brandImgAlt={t('app.brand')}
        textContent={t('signIn.product')}
        loginTitle={title}
        {...(subtitle ? { loginSubtitle: subtitle } : {})}
      >
        {children}
        <div className="garrison-sign-in__utilities" role="group" aria-label={t('app.settings')}>
          <ThemeToggle />
          <LanguageSwitcher />
        </div>
      </LoginPage>
    </>
  );
}
