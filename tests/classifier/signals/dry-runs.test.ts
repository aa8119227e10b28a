// A dry run or preview in a tool name takes away what the action beside it would do: the tool only shows it.
import { describe, expect, it } from 'vitest';
import { nameSignals } from '../../../classifier/signals.ts';
import { labels, PLAIN } from '../signal-helpers.ts';

// effect, label, quoted text and weight of each signal, in order
const name = (tool: string) => labels(nameSignals(tool, PLAIN), { weight: true });
const nameLabels = (text: string) => labels(nameSignals(text, PLAIN));

describe('dry-run and preview modifiers of a name (neutralizing)', () => {
  it('takes "dry" only as part of "dry run"', () => {
    // a dryer's drying mode: setting it writes a setting
    expect(name('set_dry_mode')).toEqual(['write:verb:set:set:3']);
    expect(name('start_tumble_dry')).toEqual(['write:verb:start:start:3']);
  });

  it('neutralizes the action beside a dry run (`deploy_dry_run`, `deploy_dryrun`)', () => {
    expect(name('deploy_dry_run')).toEqual(['openWorld:verb:deploy:deploy:3', 'negation:modifier:dry-run:dry_run:3', 'read:verb:dry-run:dry_run:3']);
    expect(name('deploy_dryrun')).toEqual(['openWorld:verb:deploy:deploy:3', 'negation:modifier:dryrun:dryrun:3', 'read:verb:dryrun:dryrun:3']);
  });

  it('neutralizes the action right after a two-word "dry run" (`schema_dry_run_migrate`)', () => {
    expect(name('schema_dry_run_migrate')).toEqual(['negation:modifier:dry-run:dry_run:3', 'read:verb:dry-run:dry_run:3']);
  });

  it('keeps the action when the dry run is not beside it', () => {
    // deleting old dry-run reports deletes them
    expect(name('delete_old_dry_run_reports')).toEqual(['write:verb:delete:delete:3', 'destructive:verb:delete:delete:3', 'execute:verb:run:run:0.75', 'write:verb:report:reports:0.75']);
    // a one-word "dryrun", then "and deploy": the deploy is real
    expect(name('stack_dryrun_and_deploy')).toEqual(['execute:verb:deploy:deploy:3', 'openWorld:verb:deploy:deploy:3']);
  });
});

describe('a dry run in a name', () => {
  it('reads "dry run" as one modifier that takes away what the action would do', () => {
    expect(nameLabels('deploy_dry_run')).toEqual(['openWorld:verb:deploy:deploy', 'negation:modifier:dry-run:dry_run', 'read:verb:dry-run:dry_run']);
    expect(nameLabels('dry_run_deploy')).toEqual(['negation:modifier:dry-run:dry_run', 'read:verb:dry-run:dry_run', 'openWorld:verb:deploy:deploy']);
  });

  it('does not read the "run" of "dry run" as an action of its own', () => {
    // ("run connectivity checks" alone would probe; here "run" belongs to "dry run")
    expect(nameLabels('dry_run_connectivity_checks')).toEqual(['negation:modifier:dry-run:dry_run', 'read:verb:dry-run:dry_run']);
  });

  it('needs the word "dry" itself: another neutralizer before "run" is a modifier of its own', () => {
    expect(nameLabels('preview_run')).toEqual(['negation:modifier:preview:preview', 'read:verb:preview:preview']);
    expect(nameLabels('validate_run_config')).toEqual(['negation:modifier:validate:validate', 'read:verb:validate:validate']);
  });

  it('takes "dry" without a "run" after it, at the end of a name, for no dry run', () => {
    expect(nameLabels('sync_dry')).toEqual(['write:verb:sync:sync']);
  });
});
