/**
 * The explanation card shown next to a marked clause on the page (rendered inside our shadow root). A clause
 * that says the company does NOT do something is shown as a reassurance, not a warning.
 */
import { useEffect, useRef } from 'preact/hooks';
import { TAXONOMY, type Stance } from '@/lib/classify/taxonomy';
import type { AnalysedClause, Label } from '@/lib/types';
import { categoryNameKey, type MessageKey, type Translate } from '@/lib/i18n';
import { explainLabelIn } from '@/lib/explain/render';
import { choiceText, shownChoice, slotTexts } from '@/lib/explain/slot-text';

export interface ClauseCardProps {
  /** `_locales` lookup (the content script passes `browser.i18n.getMessage` through `createTranslator`). */
  t: Translate;
  clause: AnalysedClause;
  /** The label that coloured the highlight (shown first). */
  primary: Label;
  /** 1-based position among the marked clauses, and their count, for "3 of 12". */
  position: number;
  total: number;
  /** Viewport coordinates for the card's top-left corner. */
  top: number;
  left: number;
  /** Move keyboard focus into the card when it opens (keyboard navigation), not on hover. */
  focusOnOpen: boolean;
  onClose: () => void;
  onOpenReport: () => void;
  onNext: () => void;
  onPrev: () => void;
}

const TONE: Record<Stance, { icon: string; label: MessageKey; tone: string }> = {
  permits: { icon: '⚠', label: 'card_tone_permits', tone: 'warn' },
  denies: { icon: '✓', label: 'card_tone_denies', tone: 'reassure' },
  'user-prohibited': { icon: '⛔', label: 'card_tone_user_prohibited', tone: 'rule' },
  unclear: { icon: '?', label: 'card_tone_unclear', tone: 'unclear' },
};

function SlotRow({ name, values }: { name: string; values: readonly string[] }) {
  if (!values.length) return null;
  return (
    <div class="fp-slot">
      <dt>{name}</dt>
      <dd>{values.join(', ')}</dd>
    </div>
  );
}

/** Card with the plain-language explanation, slots, stance and why the clause was flagged. */
export function ClauseCard(props: ClauseCardProps) {
  const { clause, primary, t } = props;
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (props.focusOnOpen) ref.current?.focus();
  }, [clause.id, props.focusOnOpen]);

  const info = TAXONOMY[primary.category];
  const tone = TONE[primary.stance];
  const others = clause.labels.filter((l) => l !== primary);
  const titleId = `fp-card-title-${clause.id}`;
  const descId = `fp-card-desc-${clause.id}`;
  // Each label has its own sentence (lib/explain), written here in the UI language: the card shows one per
  // label, never one twice.
  const explain = (l: Label) => explainLabelIn(l, clause.slots, clause.text, t);
  const explanation = explain(primary);
  const shown = shownChoice(clause.labels, clause.slots.choice);
  const choice = shown ? choiceText(shown, t) : null;
  const ev = primary.evidence;

  return (
    <div
      ref={ref}
      class={`fp-card fp-tone-${tone.tone}`}
      role="dialog"
      aria-modal="false"
      aria-labelledby={titleId}
      aria-describedby={descId}
      tabIndex={-1}
      data-clause-id={clause.id}
      style={{ top: `${props.top}px`, left: `${props.left}px`, '--fp-cat': info.colour }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          e.stopPropagation();
          props.onClose();
        }
      }}
    >
      <div class="fp-card-head">
        <span class="fp-icon" aria-hidden="true">
          {tone.icon}
        </span>
        <h2 id={titleId} class="fp-card-title">
          {t(categoryNameKey(primary.category))}
          <span class="fp-stance">
            {' · '}
            {t(tone.label)}
          </span>
        </h2>
        <button type="button" class="fp-close" aria-label={t('card_close')} onClick={props.onClose}>
          ×
        </button>
      </div>
      <p id={descId} class="fp-explanation">
        {explanation}
      </p>
      <dl class="fp-slots">
        <SlotRow name={t('card_slot_data')} values={slotTexts('data', clause.slots.data, t)} />
        <SlotRow name={t('card_slot_purposes')} values={slotTexts('purpose', clause.slots.purposes, t)} />
        <SlotRow
          name={t('card_slot_safeguards')}
          values={slotTexts('safeguard', clause.slots.safeguards, t)}
        />
        <SlotRow name={t('card_slot_choice')} values={choice ? [choice] : []} />
        <SlotRow name={t('card_slot_scope')} values={slotTexts('scope', clause.slots.scope, t)} />
        <SlotRow
          name={t('card_slot_default')}
          values={
            clause.slots.default
              ? [t(clause.slots.default === 'on' ? 'card_default_on' : 'card_default_off')]
              : []
          }
        />
      </dl>
      {others.length > 0 && (
        <ul class="fp-also" aria-label={t('card_labels_heading')}>
          {others.map((l) => (
            <li key={l.category} data-category={l.category}>
              <strong>
                {t(categoryNameKey(l.category))} · {t(TONE[l.stance].label)}
              </strong>
              {`: ${explain(l)}`}
            </li>
          ))}
        </ul>
      )}
      <details class="fp-why">
        <summary>{t('popup_evidence')}</summary>
        {ev.phrase && <p>{t('popup_evidence_phrase', [ev.phrase])}</p>}
        {ev.features.length > 0 && <p>{t('card_signals', [ev.features.slice(0, 5).join(', ')])}</p>}
        <p>{t('popup_confidence', [Math.round(primary.confidence * 100)])}</p>
      </details>
      <div class="fp-card-foot">
        <button type="button" onClick={props.onPrev} aria-keyshortcuts="Alt+Shift+P">
          {t('card_prev')}
        </button>
        <span class="fp-pos">{t('card_position', [props.position, props.total])}</span>
        <button type="button" onClick={props.onNext} aria-keyshortcuts="Alt+Shift+N">
          {t('card_next')}
        </button>
        <button type="button" class="fp-open" onClick={props.onOpenReport}>
          {t('card_open')}
        </button>
      </div>
    </div>
  );
}
