import { MenuToggle } from '@patternfly/react-core';
import EllipsisVIcon from '@patternfly/react-icons/dist/esm/icons/ellipsis-v-icon';
import { ActionsColumn, type IAction } from '@patternfly/react-table';

/**
 * The kebab menu of a table row, its toggle named after the row ("Actions of Berlin") for screen readers. The menu
 * opens outside the table with its first item focused: a tree table moves between rows on the arrow keys for
 * everything inside it, which would otherwise take the arrows away from the menu.
 */
export function RowActions({ label, items }: { label: string; items: IAction[] }) {
  return (
    <ActionsColumn
      items={items}
      popperProps={{ position: 'right', appendTo: () => document.body }}
      rowData={{ actionProps: { shouldFocusFirstItemOnOpen: true } }}
      actionsToggle={({ onToggle, isOpen, isDisabled, toggleRef }) => (
        <MenuToggle
          ref={toggleRef}
          aria-label={label}
          variant="plain"
          onClick={onToggle}
          isExpanded={isOpen}
          isDisabled={isDisabled}
          icon={<EllipsisVIcon />}
        />
      )}
    />
  );
}
