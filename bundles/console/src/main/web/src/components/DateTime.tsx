import { useTranslation } from 'react-i18next';
import { formatDateTimeParts } from '../i18n/format';
import './DateTime.css';

/**
 * An instant as `formatDateTime` writes it, for narrow table columns: when the column is too narrow for one line,
 * the time of day goes below the date instead of the text breaking anywhere.
 */
export function DateTime({ instant }: { instant: string }) {
  const { i18n } = useTranslation();
  const { date, separator, time } = formatDateTimeParts(instant, i18n.language);
  return (
    <time dateTime={instant}>
      <span className="garrison-date-time-part">{date}</span>
      {separator}
      <span className="garrison-date-time-part">{time}</span>
    </time>
  );
}
