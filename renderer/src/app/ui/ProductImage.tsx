import { Shirt } from 'lucide-react';
import { useState } from 'react';
import { mediaUrl } from '../media';
import styles from './ProductImage.module.css';

interface ProductImageProps {
  /** The catalog's media path, or null when the product has no picture. */
  path: string | null;
  /** Empty (the default) when the name is already on screen beside the picture, as on cards and tiles. */
  alt?: string;
  className?: string;
}

type Load = 'loading' | 'loaded' | 'placeholder';

/**
 * Pictures this page has already shown once. A card scrolled back into a grid, or the tapped card's
 * picture on its product page, shows at once instead of fading in again: a fade is for a picture that
 * arrives, and dozens of them at a time on a fast scroll cost frames.
 */
const shown = new Set<string>();

/**
 * A product or category picture that never breaks: it fades in once loaded, and a missing or unreadable
 * file (offline, not yet synced) shows a tidy garment outline instead of the browser's broken-image icon
 * or a spill of alt text. The frame keeps its size either way, so nothing around it jumps.
 */
export function ProductImage({ path, alt = '', className }: ProductImageProps) {
  // Keyed by path: a card re-read with another picture starts over instead of showing the old state.
  const [load, setLoad] = useState<{ path: string | null; state: Load }>(() => ({ path, state: path !== null && shown.has(path) ? 'loaded' : 'loading' }));
  const state: Load = path === null ? 'placeholder' : load.path === path ? load.state : shown.has(path) ? 'loaded' : 'loading';
  const settle = (next: Load) => () => {
    if (path !== null && next === 'loaded') shown.add(path);
    if (path !== null && next === 'placeholder') shown.delete(path);
    if (load.path !== path || load.state !== next) setLoad({ path, state: next });
  };

  return (
    // Spans, not divs: the picture also sits inside buttons (category tiles), which hold phrasing content only.
    <span className={[styles.frame, className].filter(Boolean).join(' ')} data-image={state}>
      {state === 'placeholder' ? (
        <span className={styles.placeholder} role={alt ? 'img' : undefined} aria-label={alt || undefined}>
          <Shirt className={styles.glyph} aria-hidden="true" strokeWidth={1.25} />
        </span>
      ) : path !== null ? (
        <img
          key={path}
          className={state === 'loaded' ? `${styles.image} ${styles.loaded}` : styles.image}
          src={mediaUrl(path)}
          alt={alt}
          loading="lazy"
          decoding="async"
          draggable={false}
          onLoad={settle('loaded')}
          onError={settle('placeholder')}
        />
      ) : null}
    </span>
  );
}
