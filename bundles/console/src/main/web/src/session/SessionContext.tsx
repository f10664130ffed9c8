import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { onAccessRefused, setCsrfToken, type AccessRefusal } from '../api/client';
import {
  currentSession,
  fetchMe,
  fetchSettings,
  saveSettings,
  signOut as deleteSession,
  type Me,
  type PendingStep,
  type SessionInfo,
  type UserSettings,
} from '../api/session';
import { selectLanguage } from '../i18n/language';
import { isLanguage } from '../i18n/resources';
import { isTheme, selectTheme } from '../theme/theme';

/**
 * Where the console stands with the server: still asking whether this browser has a session, signed out (with the
 * reason when the server ended the session), or signed in. A signed-in state without `me` still has pending steps
 * or is loading the account.
 */
export type SessionState =
  | { status: 'checking' }
  | { status: 'unavailable'; error: unknown }
  | { status: 'signed-out'; expired: boolean }
  | { status: 'signed-in'; session: SessionInfo; me: Me | undefined; settings: UserSettings | undefined };

export interface SessionControl {
  state: SessionState;
  /** Takes over a session just opened by `POST /session`. */
  signedIn(session: SessionInfo): Promise<void>;
  /** Reads the session again (after the server could not be reached), and loads the account. */
  refresh(): Promise<void>;
  /**
   * A pending step the server has just confirmed as done (204 to the password change or terms acceptance): the
   * console goes on without it, loading the account when no step is left.
   */
  completeStep(step: PendingStep): Promise<void>;
  /** Reads the account again (after a change to it, such as enrolling a second factor). */
  reloadMe(): Promise<void>;
  signOut(): Promise<void>;
  /** Changes some console settings: applied at once, and kept on the server when someone is signed in. */
  updateSettings(change: UserSettings): Promise<void>;
}

const SessionContext = createContext<SessionControl | undefined>(undefined);

export function useSession(): SessionControl {
  const control = useContext(SessionContext);
  if (!control) {
    throw new Error('useSession() outside <SessionProvider>');
  }
  return control;
}

/** The signed-in account's view of itself, once loaded. */
export function useMe(): Me | undefined {
  const { state } = useSession();
  return state.status === 'signed-in' ? state.me : undefined;
}

/** The first step the signed-in account must still do, if any. */
export function pendingStepOf(state: SessionState): PendingStep | undefined {
  if (state.status !== 'signed-in') {
    return undefined;
  }
  const steps = state.session.pendingSteps;
  return steps.includes('CHANGE_PASSWORD') ? 'CHANGE_PASSWORD' : steps.includes('ACCEPT_TERMS') ? 'ACCEPT_TERMS' : undefined;
}

/**
 * Holds the console session: restores it at start-up (`GET /session`), loads the account and its settings after
 * sign-in, applies language and theme from them, and reacts to the server refusing calls: a 401 signs the console
 * out, a 403 for a pending step adds that step (the route guards then show the right page).
 */
export function SessionProvider({ children, initialState }: { children: ReactNode; initialState?: SessionState }) {
  const { i18n } = useTranslation();
  const [state, setState] = useState<SessionState>(initialState ?? { status: 'checking' });
  const stateRef = useRef(state);
  stateRef.current = state;

  const applySettings = useCallback(
    async (settings: UserSettings) => {
      if (isTheme(settings.theme)) {
        selectTheme(settings.theme);
      }
      if (isLanguage(settings.language) && settings.language !== i18n.language) {
        await selectLanguage(i18n, settings.language);
      }
    },
    [i18n],
  );

  const open = useCallback(
    async (session: SessionInfo) => {
      setCsrfToken(session.csrfToken);
      if (session.pendingSteps.length > 0) {
        setState({ status: 'signed-in', session, me: undefined, settings: undefined });
        return;
      }
      const [me, settings] = await Promise.all([fetchMe(), fetchSettings().catch(() => undefined)]);
      if (settings) {
        await applySettings(settings);
      }
      setState({ status: 'signed-in', session, me, settings });
    },
    [applySettings],
  );

  const check = useCallback(async () => {
    try {
      const session = await currentSession();
      if (session) {
        await open(session);
      } else {
        setCsrfToken(undefined);
        setState({ status: 'signed-out', expired: false });
      }
    } catch (error) {
      setState({ status: 'unavailable', error });
    }
  }, [open]);

  useEffect(() => {
    if (!initialState) {
      void check();
    } else if (initialState.status === 'signed-in') {
      setCsrfToken(initialState.session.csrfToken);
    }
    // Only once, when the console starts; later checks are explicit (refresh).
  }, []);

  useEffect(
    () =>
      onAccessRefused((refusal: AccessRefusal) => {
        const current = stateRef.current;
        if (refusal === 'signed-out') {
          setCsrfToken(undefined);
          setState({ status: 'signed-out', expired: current.status === 'signed-in' });
          return;
        }
        if (current.status !== 'signed-in') {
          return;
        }
        const step: PendingStep = refusal === 'change-password' ? 'CHANGE_PASSWORD' : 'ACCEPT_TERMS';
        if (!current.session.pendingSteps.includes(step)) {
          setState({ ...current, session: { ...current.session, pendingSteps: [...current.session.pendingSteps, step] } });
        }
      }),
    [],
  );

  // A console left in a background tab may have outlived its session (idle timeout, sign-out elsewhere): check
  // when the user comes back, so they see the sign-in page at once instead of at their next click.
  useEffect(() => {
    const comeBack = () => {
      if (document.visibilityState !== 'visible' || stateRef.current.status !== 'signed-in') {
        return;
      }
      currentSession().then(
        (session) => {
          if (!session && stateRef.current.status === 'signed-in') {
            setCsrfToken(undefined);
            setState({ status: 'signed-out', expired: true });
          }
        },
        () => undefined,
      );
    };
    document.addEventListener('visibilitychange', comeBack);
    return () => document.removeEventListener('visibilitychange', comeBack);
  }, []);

  const control = useMemo<SessionControl>(
    () => ({
      state,
      signedIn: open,
      refresh: check,
      completeStep: async (step: PendingStep) => {
        const current = stateRef.current;
        if (current.status !== 'signed-in') {
          return;
        }
        await open({ ...current.session, pendingSteps: current.session.pendingSteps.filter((pending) => pending !== step) });
      },
      reloadMe: async () => {
        const me = await fetchMe();
        setState((current) => (current.status === 'signed-in' ? { ...current, me } : current));
      },
      signOut: async () => {
        try {
          await deleteSession();
        } finally {
          setCsrfToken(undefined);
          setState({ status: 'signed-out', expired: false });
        }
      },
      updateSettings: async (change: UserSettings) => {
        await applySettings(change);
        const current = stateRef.current;
        if (current.status !== 'signed-in' || !current.me) {
          return;
        }
        const settings = { ...current.settings, ...change };
        const saved = await saveSettings(settings);
        setState((latest) => (latest.status === 'signed-in' ? { ...latest, settings: saved ?? settings } : latest));
      },
    }),
    [state, open, check, applySettings],
  );

  return <SessionContext.Provider value={control}>{children}</SessionContext.Provider>;
}
