// Catches a rendering error in one message so the rest of the chat keeps working.
import { Component, type ComponentChildren } from 'preact';

interface BoundaryProps {
  fallback: ComponentChildren;
  /** Called once with the error (e.g. to log it). */
  onError?: (error: unknown) => void;
  children?: ComponentChildren;
}

interface BoundaryState {
  failed: boolean;
}

export class RenderBoundary extends Component<BoundaryProps, BoundaryState> {
  override state: BoundaryState = { failed: false };

  static override getDerivedStateFromError(): BoundaryState {
    return { failed: true };
  }

  override componentDidCatch(error: unknown): void {
    this.props.onError?.(error);
  }

  override render(): ComponentChildren {
    return this.state.failed ? this.props.fallback : this.props.children;
  }
}
