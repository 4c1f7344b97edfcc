import type { TFunction } from 'i18next';
import { Heart, Star } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../../../shared/languages';
import { Button } from '../../app/ui/Button';
import { FieldProblem } from '../checkout/FieldProblem';
import { TextField } from '../checkout/TextField';
import { useConfirmationStore } from './confirmationStore';
import styles from './RatingCard.module.css';

/** The comment's limit in the contract (`RatingSubmission`). */
export const COMMENT_MAX = 500;

interface RatingCardProps {
  language: Language;
  commentRef: React.Ref<HTMLInputElement>;
  onCommentFocus(focused: boolean): void;
}

/** "How was your visit?": five big stars, a comment if they like, then a thank-you. */
export function RatingCard({ language, commentRef, onCommentFocus }: RatingCardProps) {
  const { t } = useTranslation();
  const { stars, comment, rating, setStars, setComment, rate } = useConfirmationStore();

  if (rating === 'sent') {
    return (
      <section className={`${styles.card} ${styles.thanks}`} aria-live="polite">
        <Heart className={styles.heart} aria-hidden="true" />
        <p className={styles.thanksText}>{t('rating.thanks')}</p>
      </section>
    );
  }

  return (
    <section className={styles.card} aria-labelledby="rating-heading">
      <h2 id="rating-heading" className={styles.heading}>
        {t('rating.heading')}
      </h2>
      <div className={styles.stars} role="radiogroup" aria-labelledby="rating-heading">
        {[1, 2, 3, 4, 5].map((value) => (
          <button
            key={value}
            type="button"
            role="radio"
            aria-checked={stars === value}
            aria-label={t('rating.star', { count: value })}
            className={`${styles.star} ${stars !== null && value <= stars ? styles.on : ''}`}
            onClick={() => setStars(value)}
          >
            <Star aria-hidden="true" />
          </button>
        ))}
      </div>
      {stars !== null ? (
        <>
          <p className={styles.chosen} aria-live="polite">
            {starWords(stars, t)}
          </p>
          <TextField
            ref={commentRef}
            id="rating-comment"
            label={t('rating.comment')}
            hint={t('checkout.optional')}
            value={comment}
            maxLength={COMMENT_MAX}
            autoComplete="off"
            type="text"
            onText={setComment}
            onFocusChange={onCommentFocus}
            onEnter={() => void rate(language)}
          />
          {rating === 'failed' ? <FieldProblem id="rating-failed" text={t('rating.failed')} /> : null}
          <Button variant="primary" className={styles.send} disabled={rating === 'sending'} aria-busy={rating === 'sending'} onClick={() => void rate(language)}>
            {t('rating.send')}
          </Button>
        </>
      ) : null}
    </section>
  );
}

/** What a number of stars says, in words beside the stars. */
function starWords(stars: number, t: TFunction): string {
  switch (stars) {
    case 1:
      return t('rating.words.1');
    case 2:
      return t('rating.words.2');
    case 3:
      return t('rating.words.3');
    case 4:
      return t('rating.words.4');
    default:
      return t('rating.words.5');
  }
}
