// Small building blocks shared by the templates: header, image, fallback, collapsed form.
import type { JSX } from 'preact';
import { SafeMarkdown, SafeText } from '../content/safe-markdown';
import { DISPLAY_LIMITS, truncateForDisplay } from './parse';
import { formatString, type InteractiveStrings } from './strings';
import type { ImageRef } from './types';

/** An image from a template. `src` was checked by the parser (http(s) only); alt may be "" (decorative). */
export function TemplateImage({ image, class: className }: { image: ImageRef; class?: string }): JSX.Element {
  return (
    <img
      class={className}
      src={image.src}
      alt={image.alt}
      loading="lazy"
      decoding="async"
      referrerpolicy="no-referrer"
    />
  );
}

export interface HeaderProps {
  id: string;
  title: string;
  subtitle?: string;
  image?: ImageRef;
}

/** Title (markdown, links allowed) and optional subtitle and image. `id` labels the options. */
export function Header({ id, title, subtitle, image }: HeaderProps): JSX.Element {
  return (
    <div class="cw-im-header">
      {image && <TemplateImage image={image} class="cw-im-hero" />}
      <SafeMarkdown id={id} class="cw-im-title" inline source={truncateForDisplay(title, DISPLAY_LIMITS.title)} />
      {subtitle && <SafeMarkdown class="cw-im-subtitle" inline source={truncateForDisplay(subtitle, DISPLAY_LIMITS.subtitle)} />}
    </div>
  );
}

/** Shown for malformed or unsupported messages: the title when known, and a plain notice. */
export function Fallback({ title, notice }: { title?: string; notice: string }): JSX.Element {
  return (
    <div class="cw-im cw-im-fallback">
      {title && <SafeMarkdown class="cw-im-title" inline source={truncateForDisplay(title, DISPLAY_LIMITS.title)} />}
      <p class="cw-im-notice">{notice}</p>
    </div>
  );
}

/** An older interactive message: its title and, when the customer answered, the answer. */
export function Collapsed({ title, answer, strings }: { title: string; answer?: string; strings: InteractiveStrings }): JSX.Element {
  return (
    <div class="cw-im cw-im-collapsed">
      <SafeMarkdown class="cw-im-title" inline source={truncateForDisplay(title, DISPLAY_LIMITS.title)} />
      {answer && (
        <p class="cw-im-answer">
          <SafeText text={formatString(strings.yourAnswer, { answer })} linkify={false} />
        </p>
      )}
    </div>
  );
}
