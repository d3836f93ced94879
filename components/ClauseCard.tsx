/**
 * The explanation card shown next to a marked clause on the page (rendered inside our shadow root). A clause
 * that says the company does NOT do something is shown as a reassurance, not a warning.
 */
import { useEffect, useRef } from 'preact/hooks';
import { TAXONOMY, type Stance } from '@/lib/classify/taxonomy';
import type { AnalysedClause, Label } from '@/lib/types';

export interface ClauseCardProps {
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

const TONE: Record<Stance, { icon: string; label: string; tone: string }> = {
  permits: { icon: '⚠', label: 'Heads-up', tone: 'warn' },
  denies: { icon: '✓', label: 'Reassurance', tone: 'reassure' },
  'user-prohibited': { icon: '⛔', label: 'A rule for you', tone: 'rule' },
  unclear: { icon: '?', label: 'Hedged or conditional', tone: 'unclear' },
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
  const { clause, primary } = props;
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (props.focusOnOpen) ref.current?.focus();
  }, [clause.id, props.focusOnOpen]);

  const info = TAXONOMY[primary.category];
  const tone = TONE[primary.stance];
  const others = clause.labels.filter((l) => l !== primary);
  const titleId = `fp-card-title-${clause.id}`;
  const descId = `fp-card-desc-${clause.id}`;
  const explanation = clause.explanation ?? info.meaning;
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
          {info.name}
          <span class="fp-stance">
            {' · '}
            {tone.label}
          </span>
        </h2>
        <button type="button" class="fp-close" aria-label="Close explanation" onClick={props.onClose}>
          ×
        </button>
      </div>
      <p id={descId} class="fp-explanation">
        {explanation}
      </p>
      <dl class="fp-slots">
        <SlotRow name="Data" values={clause.slots.data} />
        <SlotRow name="Purposes" values={clause.slots.purposes} />
        <SlotRow name="Safeguards" values={clause.slots.safeguards} />
        <SlotRow name="Your choice" values={clause.slots.choice ? [clause.slots.choice] : []} />
        <SlotRow name="Does not apply to" values={clause.slots.scope} />
        <SlotRow
          name="Default"
          values={
            clause.slots.default
              ? [clause.slots.default === 'on' ? 'on unless you act' : 'off unless you opt in']
              : []
          }
        />
      </dl>
      {others.length > 0 && (
        <p class="fp-also">
          Also:{' '}
          {others
            .map((l) => `${TAXONOMY[l.category].name} (${TONE[l.stance].label.toLowerCase()})`)
            .join('; ')}
        </p>
      )}
      <details class="fp-why">
        <summary>Why this was flagged</summary>
        {ev.phrase && (
          <p>
            Matched wording: <q>{ev.phrase}</q>
          </p>
        )}
        {ev.features.length > 0 && <p>Strongest signals: {ev.features.slice(0, 5).join(', ')}</p>}
        <p>Confidence: {Math.round(primary.confidence * 100)}%</p>
      </details>
      <div class="fp-card-foot">
        <button type="button" onClick={props.onPrev} aria-keyshortcuts="Alt+Shift+P">
          ‹ Previous
        </button>
        <span class="fp-pos">
          {props.position} of {props.total}
        </span>
        <button type="button" onClick={props.onNext} aria-keyshortcuts="Alt+Shift+N">
          Next ›
        </button>
        <button type="button" class="fp-open" onClick={props.onOpenReport}>
          Open in Fineprint
        </button>
      </div>
    </div>
  );
}
