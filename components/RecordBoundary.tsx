/**
 * Keeps one record that cannot be shown from taking the page down with it: a render error inside is caught
 * and the record is flagged in place, while every other record renders as usual. The store's own checks
 * (lib/store/validate.ts) keep known kinds of damage out; this covers the ones nobody thought of.
 */
import { Component, type ComponentChildren } from 'preact';

export interface RecordBoundaryProps {
  /** What to show instead of a record that failed to render. */
  fallback: ComponentChildren;
  children: ComponentChildren;
}

export class RecordBoundary extends Component<RecordBoundaryProps, { failed: boolean }> {
  override state = { failed: false };

  static override getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override componentDidCatch(error: unknown): void {
    console.warn('[fineprint] a stored record could not be shown:', error);
  }

  override render() {
    return this.state.failed ? this.props.fallback : this.props.children;
  }
}
