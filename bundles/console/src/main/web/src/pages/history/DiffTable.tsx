import { Label } from '@patternfly/react-core';
import { Table, Tbody, Td, Th, Thead, Tr } from '@patternfly/react-table';
import { useTranslation } from 'react-i18next';
import { formatValue, type DiffRow } from './revisionDiff';

const kindColour = { added: 'green', removed: 'red', changed: 'blue' } as const;

/** A revision's changes, one value per row: where, what it was, what it became. */
export function DiffTable({ rows, label }: { rows: readonly DiffRow[]; label: string }) {
  const { t } = useTranslation();
  if (rows.length === 0) {
    return <p>{t('history.noChanges')}</p>;
  }
  return (
    <Table aria-label={label} variant="compact" data-testid="revision-diff">
      <Thead>
        <Tr>
          <Th width={30}>{t('history.field')}</Th>
          <Th width={35}>{t('history.before')}</Th>
          <Th width={35}>{t('history.after')}</Th>
        </Tr>
      </Thead>
      <Tbody>
        {rows.map((row) => (
          <Tr key={`${row.pointer}:${row.kind}`} data-kind={row.kind}>
            <Td dataLabel={t('history.field')}>
              <code>{row.path}</code>{' '}
              <Label isCompact color={kindColour[row.kind]}>
                {t(`history.kind.${row.kind}`)}
              </Label>
            </Td>
            <Td dataLabel={t('history.before')} modifier="breakWord">
              {row.beforeUnknown ? (
                <span className="garrison-diff-unset">{t('history.unknown')}</span>
              ) : 'before' in row ? (
                <del className="garrison-diff-before">{formatValue(row.before)}</del>
              ) : (
                <span className="garrison-diff-unset">{t('history.unset')}</span>
              )}
            </Td>
            <Td dataLabel={t('history.after')} modifier="breakWord">
              {'after' in row ? <ins className="garrison-diff-after">{formatValue(row.after)}</ins> : <span className="garrison-diff-unset">{t('history.unset')}</span>}
            </Td>
          </Tr>
        ))}
      </Tbody>
    </Table>
  );
}
