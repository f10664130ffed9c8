import { Fragment, Suspense, useContext, useEffect } from 'react';
import {
  Masthead,
  MastheadBrand,
  MastheadContent,
  MastheadLogo,
  MastheadMain,
  MastheadToggle,
  Nav,
  NavItem,
  Page,
  PageSidebar,
  PageSidebarBody,
  PageToggleButton,
  SkipToContent,
  Toolbar,
  ToolbarContent,
  ToolbarGroup,
  ToolbarItem,
} from '@patternfly/react-core';
import { useTranslation } from 'react-i18next';
import { Link, matchPath, Outlet, useLocation } from 'react-router';
import { holds } from '../api/session';
import { ApplicationsNavigation, applicationsPosition, PluginContributionsProvider } from '../plugins/PluginContributions';
import { consoleRoutes, navigationOf } from '../routes';
import { useMe } from '../session/SessionContext';
import { FrameExtras } from './FrameExtras';
import { HomeLink } from './HomeLink';
import { LanguageSwitcher } from './LanguageSwitcher';
import { NavigationGroup } from './NavigationGroup';
import { NotificationsDrawer } from './NotificationsDrawer';
import { PageLoading } from './PageLoading';
import { ThemeToggle } from './ThemeToggle';
import { TrainingTour } from './TrainingTour';
import { UserMenu } from './UserMenu';
import './AppFrame.css';

const mainContainerId = 'garrison-main';

/**
 * The console's frame: masthead (theme, language, the signed-in account's menu), sidebar navigation from the route
 * registry (only the pages the account may open), and the current page.
 */
export function AppFrame() {
  const { t, i18n } = useTranslation();
  const { pathname } = useLocation();
  const me = useMe();
  const extras = useContext(FrameExtras);

  useEffect(() => {
    document.documentElement.lang = i18n.language;
  }, [i18n.language]);

  const masthead = (
    <Masthead aria-label={t('app.masthead')}>
      <MastheadMain>
        <MastheadToggle>
          <PageToggleButton isHamburgerButton aria-label={t('app.toggleNavigation')} />
        </MastheadToggle>
        <MastheadBrand>
          <MastheadLogo component={HomeLink} className="garrison-brand">
            <img src={`${import.meta.env.BASE_URL}favicon.svg`} alt="" />
            {t('app.brand')}
          </MastheadLogo>
        </MastheadBrand>
      </MastheadMain>
      <MastheadContent>
        <Toolbar isFullHeight isStatic>
          <ToolbarContent>
            <ToolbarGroup role="group" align={{ default: 'alignEnd' }} gap={{ default: 'gapMd' }} aria-label={t('app.settings')}>
              {extras && (
                <>
                  <ToolbarItem>
                    <TrainingTour />
                  </ToolbarItem>
                  <ToolbarItem>
                    <NotificationsDrawer />
                  </ToolbarItem>
                </>
              )}
              <ToolbarItem>
                <ThemeToggle />
              </ToolbarItem>
              <ToolbarItem>
                <LanguageSwitcher />
              </ToolbarItem>
              <ToolbarItem>
                <UserMenu />
              </ToolbarItem>
            </ToolbarGroup>
          </ToolbarContent>
        </Toolbar>
      </MastheadContent>
    </Masthead>
  );

  const sections = navigationOf(consoleRoutes, (permission) => holds(me, permission));
  const applicationsAt = applicationsPosition(sections);
  const sidebar = (
    <PageSidebar>
      <PageSidebarBody>
        <Nav aria-label={t('app.mainNavigation')}>
          {sections.map((section, index) => (
            <Fragment key={section.id}>
              {index === applicationsAt && <ApplicationsNavigation />}
              <NavigationGroup section={section}>
                {section.routes.map((route) => {
                  const to = `/${route.path}`;
                  return (
                    <NavItem key={route.path} itemId={route.path} isActive={matchPath({ path: to, end: false }, pathname) !== null}>
                      <Link to={to}>{t(route.titleKey)}</Link>
                    </NavItem>
                  );
                })}
              </NavigationGroup>
            </Fragment>
          ))}
          {applicationsAt === sections.length && <ApplicationsNavigation />}
        </Nav>
      </PageSidebarBody>
    </PageSidebar>
  );

  return (
    <PluginContributionsProvider>
      <Page
        masthead={masthead}
        sidebar={sidebar}
        isManagedSidebar
        mainContainerId={mainContainerId}
        mainAriaLabel={t('app.content')}
        skipToContent={<SkipToContent href={`#${mainContainerId}`}>{t('app.skipToContent')}</SkipToContent>}
      >
        <Suspense fallback={<PageLoading label={t('app.loadingPage')} />}>
          <Outlet />
        </Suspense>
      </Page>
    </PluginContributionsProvider>
  );
}
