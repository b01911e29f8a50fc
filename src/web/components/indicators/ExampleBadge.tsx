import type { ExampleText } from './useExampleText.ts';

/**
 * "Data contoh" (or "Sebagian data contoh (3 dari 65 desa/kelurahan)") beside a figure in a list or
 * table. The badge opens its explanation on a tap, a click or Enter: a phone has no hover, so a
 * title tooltip alone would never show there.
 */
export function ExampleBadge({ text }: { text: ExampleText }) {
  return (
    <details className="example-note">
      <summary className="example-toggle">
        <span className="badge example">{text.label}</span>
      </summary>
      <span className="example-hint">{text.hint}</span>
    </details>
  );
}
