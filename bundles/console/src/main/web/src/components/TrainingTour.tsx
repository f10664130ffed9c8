import { Alert, Button, Title } from '@patternfly/react-core';
import GraduationCapIcon from '@patternfly/react-icons/dist/esm/icons/graduation-cap-icon';
import { useEffect, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe, useSession } from '../session/SessionContext';
import { describeError } from './ApiErrorAlert';
import { positionOf, stepsFor, storedOf, type TrainingPosition, type TrainingStep } from './trainingProgress';
import './TrainingTour.css';

const panelWidth = 352;
const gap = 16;

/**
 * Training mode: a guided tour of the console's navigation and page areas, started (or resumed) from its masthead
 * button. Each step points at its part of the screen; Next and Back (or the arrow keys) move through it, Escape or
 * "Leave" pauses it. The position is kept in the account's settings (`trainingProgress`), so the tour resumes where
 * it was left, after a reload or in another browser.
 */
export function TrainingTour() {
  const { t } = useTranslation();
  const me = useMe();
  const { state, updateSettings } = useSession();
  const settings = state.status === 'signed-in' ? state.settings : undefined;
  const steps = useMemo(() => stepsFor(me), [me]);
  const [position, setPosition] = useState<TrainingPosition>(() => positionOf(settings?.trainingProgress, steps));
  const [saveError, setSaveError] = useState<unknown>();
  const button = useRef<HTMLSpanElement>(null);

  const go = (next: TrainingPosition) => {
    setPosition(next);
    setSaveError(undefined);
    if (next.status !== 'active') {
      button.current?.querySelector('button')?.focus();
    }
    // Without the stored settings a save would overwrite them with defaults: the tour then runs for this visit only.
    if (settings) {
      updateSettings({ trainingProgress: storedOf(next, steps) }).catch((error: unknown) => setSaveError(error));
    }
  };

  const index = Math.min(position.index, steps.length - 1);
  const label =
    position.status === 'paused' || position.status === 'active'
      ? t('training.resume', { step: index + 1, total: steps.length })
      : t('training.start');

  return (
    <>
      <span ref={button}>
        <Button
          variant="plain"
          icon={<GraduationCapIcon />}
          aria-label={label}
          title={label}
          aria-pressed={position.status === 'active'}
          data-testid="training-start"
          onClick={() =>
            go({ status: 'active', index: position.status === 'paused' || position.status === 'active' ? index : 0 })
          }
        />
      </span>
      {position.status === 'active' && steps[index] && (
        <TrainingStepPanel
          step={steps[index]}
          index={index}
          total={steps.length}
          saveError={saveError}
          onBack={() => go({ status: 'active', index: Math.max(0, index - 1) })}
          onNext={() => go(index + 1 < steps.length ? { status: 'active', index: index + 1 } : { status: 'done', index: 0 })}
          onLeave={() => go({ status: 'paused', index })}
        />
      )}
    </>
  );
}

/** Where the panel goes: beside its target when there is room, else below it; in the middle without a target. */
function placeBeside(target: Element | null): { top: number; left: number } | undefined {
  if (!target) {
    return undefined;
  }
  const rect = target.getBoundingClientRect();
  const fitsRight = rect.right + gap + panelWidth <= window.innerWidth;
  const left = fitsRight ? rect.right + gap : Math.max(gap, Math.min(rect.left, window.innerWidth - panelWidth - gap));
  const top = fitsRight ? rect.top : rect.bottom + gap;
  return { top: Math.max(gap, Math.min(top, window.innerHeight - 240)), left };
}

function TrainingStepPanel({
  step,
  index,
  total,
  saveError,
  onBack,
  onNext,
  onLeave,
}: {
  step: TrainingStep;
  index: number;
  total: number;
  saveError: unknown;
  onBack: () => void;
  onNext: () => void;
  onLeave: () => void;
}) {
  const { t } = useTranslation();
  const primary = useRef<HTMLButtonElement>(null);
  const [target, setTarget] = useState<Element | null>(null);
  const [place, setPlace] = useState<{ top: number; left: number } | undefined>();

  // Mark the step's part of the screen and bring it into view; the panel follows it when the window changes.
  useLayoutEffect(() => {
    const element = step.target ? document.querySelector(step.target) : null;
    setTarget(element);
    if (!element) {
      setPlace(undefined);
      return;
    }
    element.classList.add('garrison-training-target');
    element.scrollIntoView?.({ block: 'nearest' });
    const follow = () => setPlace(placeBeside(element));
    follow();
    window.addEventListener('resize', follow);
    return () => {
      element.classList.remove('garrison-training-target');
      window.removeEventListener('resize', follow);
    };
  }, [step]);

  // The focus goes to "Next" at every step: Enter walks on, and a screen reader reads the step with its dialogue.
  useEffect(() => {
    primary.current?.focus();
  }, [step]);

  // Escape leaves the tour wherever the focus is (the admin may have clicked into the page), unless a modal
  // dialogue of the page is open and Escape is meant for it.
  const leave = useRef(onLeave);
  leave.current = onLeave;
  useEffect(() => {
    const onKey = (event: globalThis.KeyboardEvent) => {
      if (event.key === 'Escape' && !document.querySelector('[aria-modal="true"]')) {
        leave.current();
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'ArrowRight') {
      onNext();
    } else if (event.key === 'ArrowLeft' && index > 0) {
      onBack();
    }
  };

  const last = index + 1 === total;
  return (
    <div
      role="dialog"
      aria-labelledby="training-step-title"
      aria-describedby="training-step-body"
      tabIndex={-1}
      className={`garrison-training-panel${place ? '' : ' garrison-training-panel-centred'}`}
      style={place ? { top: place.top, left: place.left } : undefined}
      onKeyDown={onKeyDown}
      data-testid="training-panel"
      data-step={step.id}
    >
      <p className="garrison-training-progress">{t('training.stepOf', { step: index + 1, total })}</p>
      <Title headingLevel="h2" size="lg" id="training-step-title">
        {t(`training.steps.${step.id}.title`)}
      </Title>
      <p id="training-step-body">{t(`training.steps.${step.id}.body`)}</p>
      {step.target && !target && <p className="garrison-training-note">{t('training.targetMissing')}</p>}
      {saveError !== undefined && (
        <Alert variant="warning" isInline isPlain title={t('training.saveFailed')}>
          {describeError(saveError, t)}
        </Alert>
      )}
      <div className="garrison-training-actions">
        <Button variant="primary" onClick={onNext} ref={primary}>
          {last ? t('training.finish') : t('training.next')}
        </Button>
        <Button variant="secondary" onClick={onBack} isDisabled={index === 0}>
          {t('training.back')}
        </Button>
        <Button variant="link" onClick={onLeave} aria-describedby="training-leave-hint">
          {t('training.leave')}
        </Button>
      </div>
      <p id="training-leave-hint" className="garrison-training-note">
        {t('training.leaveHint')}
      </p>
    </div>
  );
}
