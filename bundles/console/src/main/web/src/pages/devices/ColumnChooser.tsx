import { MenuToggle, Select, SelectList, SelectOption, type MenuToggleElement } from '@patternfly/react-core';
import { ColumnsIcon } from '@patternfly/react-icons';
import { useState, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { deviceColumns, type DeviceColumn } from './columns';

/** A menu of every column with a checkbox each; the name column cannot be hidden. */
export function ColumnChooser({ shown, onChoose }: { shown: readonly DeviceColumn[]; onChoose: (ids: string[]) => void }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const shownIds = shown.map((column) => column.id);

  const toggle = (id: string) => {
    const next = shownIds.includes(id) ? shownIds.filter((shownId) => shownId !== id) : [...shownIds, id];
    onChoose(deviceColumns.filter((column) => next.includes(column.id)).map((column) => column.id));
  };

  return (
    <Select
      role="menu"
      isOpen={open}
      onOpenChange={setOpen}
      onSelect={(_event, value) => typeof value === 'string' && toggle(value)}
      toggle={(toggleRef: Ref<MenuToggleElement>) => (
        <MenuToggle ref={toggleRef} icon={<ColumnsIcon />} onClick={() => setOpen((current) => !current)} isExpanded={open}>
          {t('devices.columns.choose')}
        </MenuToggle>
      )}
    >
      <SelectList aria-label={t('devices.columns.choose')}>
        {deviceColumns.map((column) => (
          <SelectOption
            key={column.id}
            value={column.id}
            hasCheckbox
            isSelected={shownIds.includes(column.id)}
            isDisabled={column.id === 'name'}
          >
            {t(column.titleKey)}
          </SelectOption>
        ))}
      </SelectList>
    </Select>
  );
}
