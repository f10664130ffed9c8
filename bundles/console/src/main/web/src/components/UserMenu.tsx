import { Divider, Dropdown, DropdownItem, DropdownList, MenuToggle } from '@patternfly/react-core';
import UserIcon from '@patternfly/react-icons/dist/esm/icons/user-icon';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useSession } from '../session/SessionContext';

/** The signed-in login in the masthead, opening "My account" and "Sign out". */
export function UserMenu() {
  const { t } = useTranslation();
  const { state, signOut } = useSession();
  const navigate = useNavigate();
  const [isOpen, setIsOpen] = useState(false);
  if (state.status !== 'signed-in') {
    return null;
  }
  const login = state.me?.account.login ?? state.session.account.login;

  const leave = async () => {
    setIsOpen(false);
    // Signed out locally even when the server cannot be reached; the guard then shows the sign-in page.
    await signOut().catch(() => undefined);
    navigate('/sign-in', { replace: true });
  };

  return (
    <Dropdown
      isOpen={isOpen}
      onOpenChange={setIsOpen}
      popperProps={{ position: 'right' }}
      toggle={(toggleRef) => (
        <MenuToggle
          ref={toggleRef}
          variant="plainText"
          icon={<UserIcon />}
          isExpanded={isOpen}
          onClick={() => setIsOpen((open) => !open)}
          aria-label={t('user.menu', { login })}
          data-testid="user-menu"
        >
          {login}
        </MenuToggle>
      )}
    >
      <DropdownList>
        <DropdownItem
          key="account"
          onClick={() => {
            setIsOpen(false);
            navigate('/my-account');
          }}
        >
          {t('myAccount.title')}
        </DropdownItem>
        <Divider component="li" key="divider" />
        <DropdownItem key="sign-out" onClick={() => void leave()}>
          {t('user.signOut')}
        </DropdownItem>
      </DropdownList>
    </Dropdown>
  );
}
