import { useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProductDetail } from '../../../../shared/api/catalog';
import { ProductImage } from '../../app/ui/ProductImage';
import { galleryOf } from './sizeGrid';
import styles from './Gallery.module.css';

interface GalleryProps {
  detail: ProductDetail;
  colourCode: string;
  /** Swiping onto another colour's picture chooses that colour. */
  onColour(colourCode: string): void;
}

/**
 * Large pictures that swipe (CSS scroll snapping, so the finger drives it natively), every colour's in
 * turn: swiping walks through the colours, and choosing a colour below brings its first picture. Dots
 * say where you are and jump there. Pinch zoom is off: a kiosk page must never end up zoomed in.
 */
export function Gallery({ detail, colourCode, onColour }: GalleryProps) {
  const { t } = useTranslation();
  const pictures = useMemo(() => galleryOf(detail), [detail]);
  const track = useRef<HTMLDivElement>(null);
  // Which picture shows; follows the swipe (and the glide after a colour is chosen) when it comes to rest.
  const [index, setIndex] = useState(() => Math.max(0, galleryOf(detail).findIndex((picture) => picture.colourCode === colourCode)));
  const colourName = (code: string): string => detail.colours.find((c) => c.code === code)?.name ?? code;

  // The chosen colour changed from outside (a swatch, a scan): show its first picture, unless one is showing.
  // Before the frame is painted, so the first frame already shows the chosen colour.
  const placedColour = useRef<string | null>(null);
  useLayoutEffect(() => {
    const element = track.current;
    if (!element || pictures.length === 0) return;
    const showing = Math.round(element.scrollLeft / Math.max(1, element.clientWidth));
    const wasPlaced = placedColour.current;
    placedColour.current = colourCode;
    if (pictures[showing]?.colourCode === colourCode) return;
    const first = pictures.findIndex((picture) => picture.colourCode === colourCode);
    if (first < 0) return;
    // Another colour chosen: glide (the shopper sees the picture follow their choice). The first time, or
    // the pictures filled in (the page opened from a card shows each colour's first picture until the
    // product arrives): jump, unseen.
    if (wasPlaced !== null && wasPlaced !== colourCode) {
      element.scrollTo({ left: first * element.clientWidth, behavior: 'smooth' });
    } else {
      element.scrollTo({ left: first * element.clientWidth, behavior: 'instant' });
      setIndex(first);
    }
  }, [colourCode, pictures]);

  const settle = (): void => {
    const element = track.current;
    if (!element) return;
    const now = Math.round(element.scrollLeft / Math.max(1, element.clientWidth));
    setIndex(now);
    const picture = pictures[now];
    if (picture && picture.colourCode !== colourCode) onColour(picture.colourCode);
  };

  const goTo = (to: number): void => {
    const element = track.current;
    if (!element) return;
    element.scrollTo({ left: to * element.clientWidth, behavior: 'smooth' });
  };

  if (pictures.length === 0) {
    return <ProductImage path={null} alt={detail.name} className={`${styles.gallery} ${styles.single}`} />;
  }

  return (
    <section className={styles.gallery} aria-roledescription="carousel" aria-label={t('product.gallery.label')}>
      {/* Focusable, so the arrow keys swipe it too (a switch or keyboard user reaches every picture). */}
      <div ref={track} className={styles.track} onScrollEnd={settle} role="group" aria-label={t('product.gallery.label')} tabIndex={0}>
        {pictures.map((picture, at) => (
          <div key={`${picture.colourCode}:${picture.path}`} className={styles.slide} aria-hidden={at !== index}>
            <ProductImage
              path={picture.path}
              alt={t('product.gallery.picture', { name: detail.name, colour: colourName(picture.colourCode) })}
              className={styles.picture}
            />
          </div>
        ))}
      </div>
      {pictures.length > 1 ? (
        <div className={styles.dots}>
          {pictures.map((picture, at) => (
            <button
              key={`${picture.colourCode}:${picture.path}`}
              type="button"
              className={styles.dot}
              aria-current={at === index ? 'true' : undefined}
              aria-label={t('product.gallery.show', { index: at + 1, total: pictures.length })}
              onClick={() => goTo(at)}
            >
              <span className={styles.pip} />
            </button>
          ))}
        </div>
      ) : null}
    </section>
  );
}
