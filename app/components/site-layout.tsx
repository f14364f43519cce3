import { NavLink, useLocation } from '@remix-run/react';
import { Form } from '~/components/ui/form';
import type { ReactNode } from 'react';
import { useLocale, useT } from '~/i18n';
import { NoticeRegion, useFocusFragment } from './ui/notice';

type LayoutUser = { name: string; isAdmin: boolean; isCoordinator?: boolean; isMentor?: boolean } | null;

function MenuLink({ to, children }: { to: string; children: ReactNode }) {
  return (
    <li className="pa-nav__item">
      <NavLink to={to} end={to === '/'} className={({ isActive }) => `pa-nav__link${isActive ? ' pa-nav__link--current' : ''}`}>
        {children}
      </NavLink>
    </li>
  );
}

export function SiteLayout({ user, showMailbox, children }: { user: LayoutUser; showMailbox: boolean; children: ReactNode }) {
  const t = useT();
  // The button offers the other language; decided by the page's locale, not by comparing translated text.
  const otherLocale = useLocale() === 'nl' ? 'en' : 'nl';
  const location = useLocation();
  const here = location.pathname + location.search;
  useFocusFragment();
  return (
    <>
      <a className="utrecht-skip-link utrecht-skip-link--visible-on-focus" href="#main">
        {t('layout.skip')}
      </a>
      <header className="pa-header">
        <div className="pa-header__inner">
          <a className="pa-logo" href="/">
            Politiek Actief
          </a>
          <Form method="post" action="/taal" className="pa-language" reloadDocument>
            <input type="hidden" name="redirectTo" value={here} />
            <button
              className="utrecht-button utrecht-button--secondary-action pa-language__button"
              type="submit"
              name="locale"
              value={otherLocale}
              lang={otherLocale}
              aria-label={t('layout.language.switchLabel')}
            >
              {t('layout.language.switch')}
            </button>
          </Form>
        </div>
        <nav className="pa-nav" aria-label={t('layout.nav.label')}>
          <ul className="pa-nav__list">
            <MenuLink to="/">{t('layout.nav.home')}</MenuLink>
            <MenuLink to="/cursussen">{t('layout.nav.courses')}</MenuLink>
            <MenuLink to="/mentoraat">{t('layout.nav.mentoring')}</MenuLink>
            {user ? (
              <>
                <MenuLink to="/account">{t('layout.nav.account')}</MenuLink>
                {/* Each role sees its own entries: "Beheer" would only tell others they are no coordinator. */}
                {user.isCoordinator ? <MenuLink to="/beheer">{t('layout.nav.manage')}</MenuLink> : null}
                {user.isCoordinator ? <MenuLink to="/beheer/netwerken">{t('networks.nav.menu')}</MenuLink> : null}
                {user.isMentor ? <MenuLink to="/mentor">{t('networks.nav.mentorMenu')}</MenuLink> : null}
                {user.isAdmin ? <MenuLink to="/admin">{t('layout.nav.admin')}</MenuLink> : null}
                <li className="pa-nav__item">
                  <Form method="post" action="/uitloggen">
                    <button type="submit" className="pa-nav__button">
                      {t('layout.nav.logout')}
                    </button>
                  </Form>
                </li>
              </>
            ) : (
              <>
                <MenuLink to="/inloggen">{t('layout.nav.login')}</MenuLink>
                <MenuLink to="/registreren">{t('layout.nav.register')}</MenuLink>
              </>
            )}
          </ul>
        </nav>
      </header>
      <main id="main" className="pa-main" tabIndex={-1}>
        <NoticeRegion />
        {children}
      </main>
      <footer className="pa-footer" aria-label={t('layout.footer.label')}>
        <div className="pa-footer__inner">
          <p className="utrecht-paragraph">{t('layout.footer.about')}</p>
          <ul className="pa-footer__links">
            <li>
              <a className="utrecht-link" href="/privacy">
                {t('layout.footer.privacy')}
              </a>
            </li>
            <li>
              <a className="utrecht-link" href="/cijfers">
                {t('national.footerLink')}
              </a>
            </li>
            <li>
              <a className="utrecht-link" href="/toegankelijkheid">
                {t('layout.footer.accessibility')}
              </a>
            </li>
            {showMailbox ? (
              <li>
                <a className="utrecht-link" href="/dev/mailbox">
                  {t('layout.footer.mailbox')}
                </a>
              </li>
            ) : null}
          </ul>
        </div>
      </footer>
    </>
  );
}
