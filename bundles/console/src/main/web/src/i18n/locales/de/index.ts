import core from '../de.json';
import agents from './agents.json';
import dashboard from './dashboard.json';
import dataInventory from './dataInventory.json';
import devices from './devices.json';
import events from './events.json';
import groups from './groups.json';
import history from './history.json';
import plugins from './plugins.json';
import policies from './policies.json';
import tasks from './tasks.json';

/**
 * Every text of the language: the core texts plus one file per console area, each with its own top-level keys, so
 * that areas can grow independently.
 */
const texts = {
  ...core,
  ...agents,
  ...dashboard,
  ...dataInventory,
  ...devices,
  ...events,
  ...groups,
  ...history,
  ...plugins,
  ...policies,
  ...tasks,
};

export default texts;
