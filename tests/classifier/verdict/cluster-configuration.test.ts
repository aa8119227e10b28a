// Configuration of the caller's choosing put on a cluster is flagged when the tool installs or applies it, not when it
// only reads about an install or validates a manifest.
import { describe, expect, it } from 'vitest';
import { collectSignals, decide, type Verdict } from '../../../classifier/classify.ts';
import type { ServerTraits } from '../../../classifier/signals.ts';
import type { McpTool } from '../../../data/schema.ts';
import { PLAIN, tool } from '../signal-helpers.ts';

const verdictOnServer = (definition: McpTool, traits: ServerTraits = PLAIN): Verdict => decide(collectSignals(definition, traits));

describe('configuration of the caller\'s choosing put on a cluster', () => {
  const chart = { chart: { type: 'string' } };
  it('is flagged when the tool installs the chart', () => {
    expect(verdictOnServer(tool('helm_install', 'Install a Helm chart on the Kubernetes cluster.', { ...chart, release: { type: 'string' } })).clusterConfig).toBe(true);
  });

  it('is not when the tool only reads about an install or validates a manifest', () => {
    const notes = verdictOnServer(tool('get_helm_install_notes', 'Get the notes of a Helm install.', chart));
    expect(notes.category).toBe('read');
    expect(notes.clusterConfig).toBe(false);
    const validate = verdictOnServer(tool('kubectl_apply_validate', 'Validate a Kubernetes manifest against the cluster schema. Does not modify the cluster.', { manifest: { type: 'string' } }));
    expect(validate.category).toBe('read');
    expect(validate.clusterConfig).toBe(false);
  });
});
