/**
 * The labelled clauses of a page, grouped by category (highest weight first). Each group is a collapsible
 * section; each clause shows its stance in words, the explanation, any stated choice, and the evidence.
 */
import { useMemo, useState } from 'preact/hooks';
import { CATEGORY_IDS, TAXONOMY, type CategoryId } from '@/lib/classify/taxonomy';
import { findingCounts } from '@/lib/counts';
import { formatterFor } from '@/lib/format';
import { categoryMeaningKey, categoryNameKey, stanceKey, translatePlural, type Translate } from '@/lib/i18n';
import type { AnalysedClause, Label } from '@/lib/types';
import { explainClauseIn } from '@/lib/explain/render';
import { choiceText, shownChoice } from '@/lib/explain/slot-text';

export interface ClauseGroupsProps {
  t: Translate;
  clauses: AnalysedClause[];
  /** Categories the user wants to see (settings); others are left out. */
  shown?: readonly CategoryId[];
  onReveal?: (clauseId: string) => void;
  /** Clause ids the page reported as not found when revealed. */
  missing?: ReadonlySet<string>;
  /** Prefix for element ids, so two lists on one page do not collide. */
  idPrefix?: string;
  /** Level of the group headings (3 under the popup's h2; 4 inside a linked policy's h3). */
  headingLevel?: 3 | 4;
  /** UI language, for plural forms. */
  locale?: string;
}

interface Group {
  category: CategoryId;
  items: { clause: AnalysedClause; label: Label }[];
}

/** Groups clauses by the categories of their labels; a clause with two labels appears in both groups. */
export function groupByCategory(clauses: readonly AnalysedClause[], shown?: readonly CategoryId[]): Group[] {
  const groups = new Map<CategoryId, Group>();
  for (const clause of clauses) {
    for (const label of clause.labels) {
      if (shown && !shown.includes(label.category)) continue;
      let group = groups.get(label.category);
      if (!group) groups.set(label.category, (group = { category: label.category, items: [] }));
      if (!group.items.some((i) => i.clause.id === clause.id)) group.items.push({ clause, label });
    }
  }
  return [...groups.values()].sort(
    (a, b) =>
      TAXONOMY[b.category].weight - TAXONOMY[a.category].weight ||
      CATEGORY_IDS.indexOf(a.category) - CATEGORY_IDS.indexOf(b.category),
  );
}

export function ClauseGroups({
  t,
  clauses: stored,
  shown,
  onReveal,
  missing,
  idPrefix = 'fp',
  headingLevel = 3,
  locale,
}: ClauseGroupsProps) {
  const Heading = headingLevel === 4 ? 'h4' : 'h3';
  // Explanations are stored in English; each is written again in the UI language (lib/explain/render.ts).
  const clauses = useMemo(() => stored.map((c) => explainClauseIn(c, t)), [stored, t]);
  const groups = groupByCategory(clauses, shown);
  // The counts the summary bar shows too (lib/counts.ts).
  const counts = findingCounts(clauses, shown).byCategory;
  const f = formatterFor(locale);
  const possible = clauses.filter((c) =>
    (c.possible ?? []).some((l) => !shown || shown.includes(l.category)),
  );
  // The heaviest group starts open so the most important clause is one glance away; the rest are collapsed.
  const [open, setOpen] = useState<ReadonlySet<CategoryId>>(
    () => new Set(groups.slice(0, 1).map((g) => g.category)),
  );
  if (groups.length === 0 && possible.length === 0) return <p class="empty">{t('popup_clauses_none')}</p>;
  const toggle = (c: CategoryId) =>
    setOpen((prev) => {
      const next = new Set(prev);
      if (next.has(c)) next.delete(c);
      else next.add(c);
      return next;
    });
  return (
    <div class="groups">
      {groups.map((g) => {
        const expanded = open.has(g.category);
        const listId = `${idPrefix}-${g.category}`;
        const info = TAXONOMY[g.category];
        return (
          <section
            key={g.category}
            class={`group pattern-${info.pattern}`}
            data-category={g.category}
            style={{ '--cat': info.colour }}
          >
            <Heading>
              <button
                type="button"
                class="group-toggle"
                aria-expanded={expanded}
                aria-controls={listId}
                onClick={() => toggle(g.category)}
              >
                <span class="swatch" aria-hidden="true" />
                <span class="group-name">{t(categoryNameKey(g.category))}</span>
                <span class="group-count">
                  {translatePlural(t, 'popup_clause_count', counts[g.category] ?? 0, f)}
                </span>
              </button>
            </Heading>
            <div id={listId} hidden={!expanded}>
              <p class="meaning">{t(categoryMeaningKey(g.category))}</p>
              <ul class="clauses">
                {g.items.map(({ clause, label }) => (
                  <ClauseItem
                    key={clause.id}
                    t={t}
                    clause={clause}
                    label={label}
                    onReveal={onReveal}
                    missing={missing?.has(clause.id) ?? false}
                  />
                ))}
              </ul>
            </div>
          </section>
        );
      })}
      {possible.length > 0 && (
        <details class="group possible" data-possible>
          <summary>{t('popup_possible_heading', [possible.length])}</summary>
          <p class="meaning">{t('popup_possible_note')}</p>
          <ul class="clauses">
            {possible.map((clause) =>
              (clause.possible ?? [])
                .filter((l) => !shown || shown.includes(l.category))
                .map((label) => (
                  <li
                    key={`${clause.id}:${label.category}`}
                    class={`clause stance-${label.stance}`}
                    data-clause-id={clause.id}
                  >
                    <p class="stance">
                      <span class="stance-chip">
                        {t(categoryNameKey(label.category))} · {t(stanceKey(label.stance))}
                      </span>
                    </p>
                    <blockquote class="clause-text">{clause.text}</blockquote>
                    {label.explanation && <p class="explanation">{label.explanation}</p>}
                    <p class="confidence">{t('popup_confidence', [Math.round(label.confidence * 100)])}</p>
                  </li>
                )),
            )}
          </ul>
        </details>
      )}
    </div>
  );
}

function ClauseItem(props: {
  t: Translate;
  clause: AnalysedClause;
  label: Label;
  onReveal?: (id: string) => void;
  missing: boolean;
}) {
  const { t, clause, label } = props;
  const reassuring = label.stance === 'denies';
  const evidence = label.evidence;
  const shown = shownChoice(clause.labels, clause.slots?.choice ?? null);
  const choice = shown ? choiceText(shown, t) : null;
  return (
    <li
      class={`clause stance-${label.stance}`}
      data-clause-id={clause.id}
      data-stance={label.stance}
      // Mouse users can click anywhere on the clause; keyboard users have the button below.
      onClick={(e) => {
        if ((e.target as Element).closest('button, summary, a')) return;
        props.onReveal?.(clause.id);
      }}
    >
      <p class="stance">
        <span class="stance-chip">{t(stanceKey(label.stance))}</span>
      </p>
      <blockquote class="clause-text">{clause.text}</blockquote>
      {clause.section && <p class="section">{t('popup_section', [clause.section])}</p>}
      {/* This label's own sentence: a clause in two groups says a different thing in each. */}
      {(label.explanation ?? clause.explanation) && (
        <p class="explanation">{label.explanation ?? clause.explanation}</p>
      )}
      {reassuring && <p class="reassurance">{t('popup_reassurance')}</p>}
      {choice && label.category !== 'user-choice' && !label.explanation && (
        <p class="choice">{t('popup_choice', [choice])}</p>
      )}
      <details class="evidence">
        <summary>{t('popup_evidence')}</summary>
        <ul>
          {evidence.phrase && <li>{t('popup_evidence_phrase', [evidence.phrase])}</li>}
          {evidence.features.length > 0 && (
            <li>{t('popup_evidence_features', [evidence.features.slice(0, 5).join(', ')])}</li>
          )}
          <li>{t('popup_confidence', [Math.round(label.confidence * 100)])}</li>
        </ul>
      </details>
      {props.onReveal && (
        <button type="button" class="reveal" onClick={() => props.onReveal?.(clause.id)}>
          {t('popup_show_on_page')}
        </button>
      )}
      {props.missing && (
        <p class="note" role="status">
          {t('popup_not_found_on_page')}
        </p>
      )}
    </li>
  );
}
