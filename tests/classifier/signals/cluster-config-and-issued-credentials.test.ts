// Configuration of the caller's choosing put on a cluster (clusterConfigSignals), and a credential made under another
// word, such as a database login (issuedCredentialSignals), read from the name when the description says nothing.
import { describe, expect, it } from 'vitest';
import { clusterConfigSignals, issuedCredentialSignals } from '../../../classifier/signals.ts';
import type { McpTool } from '../../../data/schema.ts';
import { labels, tool } from '../signal-helpers.ts';

const text = { type: 'string' };
// a long opening that names no cluster, no document and no credential (about 100 characters a time)
const PREAMBLE = 'Checks the given settings against the schema first and waits until every change has been written. ';

describe('configuration put on a cluster (clusterConfigSignals)', () => {
  it('needs a name that applies, installs or removes something: listing the releases of a cluster is not configuring it', () => {
    expect(clusterConfigSignals(tool('helm_list', 'List Helm releases of a namespace.'))).toEqual([]);
    expect(clusterConfigSignals(tool('kubectl_scale', 'Scale a Kubernetes deployment.', { manifest: text }))).toEqual([]);
    // the same text with a verb that installs is read
    expect(labels(clusterConfigSignals(tool('helm_install', 'Install Helm releases into a namespace.')))).toEqual(['execute:cluster-config:document:Helm releases']);
  });

  it('finds the cluster in the title when neither the name nor the description names one', () => {
    const applies = tool('apply_config', 'Apply a configuration.', { manifest: text });
    expect(clusterConfigSignals(applies)).toEqual([]);
    expect(labels(clusterConfigSignals({ ...applies, title: 'Kubernetes: apply configuration' }))).toEqual(['execute:cluster-config:document:manifest']);
  });

  it('reads the cluster only in the first 300 characters of the description', () => {
    const late = `${PREAMBLE.repeat(3)}Apply a configuration to Kubernetes.`;
    expect(late.indexOf('Kubernetes')).toBeGreaterThan(300);
    expect(clusterConfigSignals(tool('apply_config', late, { manifest: text }))).toEqual([]);
    expect(labels(clusterConfigSignals(tool('apply_config', 'Apply a configuration to Kubernetes.', { manifest: text })))).toEqual(['execute:cluster-config:document:manifest']);
  });

  it('counts only a top-level document parameter, not a field of that name inside an options object', () => {
    const nested = { options: { type: 'object', properties: { manifest: text } } };
    expect(clusterConfigSignals(tool('k8s_apply', 'Apply configuration to a Kubernetes cluster.', nested))).toEqual([]);
    expect(clusterConfigSignals(tool('k8s_apply', 'Apply configuration to a Kubernetes cluster.', { manifest: text }))).toEqual([
      { family: 'parameter', effect: 'execute', label: 'cluster-config:document', weight: 0, where: 'inputSchema.properties.manifest', text: 'manifest' },
    ]);
  });

  it('needs both a word of Helm, a manifest or kustomize and a named document in the text', () => {
    // Helm alone, with no chart, release or manifest said, and no parameter of a kind
    expect(clusterConfigSignals(tool('helm_install', 'Install with Helm into the Kubernetes cluster.', { release: text }))).toEqual([]);
    // a chart alone, with no Helm, manifest or kustomize said
    expect(clusterConfigSignals(tool('k8s_create', 'Create a chart in the Kubernetes dashboard.', { title: text }))).toEqual([]);
  });

  it('quotes the name when only the name says the document', () => {
    const definition = tool('helm_install_chart', 'Install into the Kubernetes cluster.', { release: text });
    expect(clusterConfigSignals(definition)).toEqual([
      { family: 'name', effect: 'execute', label: 'cluster-config:document', weight: 0, where: 'name', text: 'helm_install_chart' },
    ]);
  });

  it('quotes the description only where its first 300 characters say the document', () => {
    const late = `${PREAMBLE.repeat(3)}Takes a manifest.`;
    expect(late.indexOf('manifest')).toBeGreaterThan(300);
    expect(clusterConfigSignals(tool('helm_install_chart', late, { release: text }))).toEqual([
      { family: 'name', effect: 'execute', label: 'cluster-config:document', weight: 0, where: 'name', text: 'helm_install_chart' },
    ]);
    expect(clusterConfigSignals(tool('helm_install_chart', 'Takes a manifest.', { release: text }))).toEqual([
      { family: 'description', effect: 'execute', label: 'cluster-config:document', weight: 0, where: 'description', text: 'manifest' },
    ]);
  });

  it('reads a create of a resource of any kind the caller names as running code on the cluster', () => {
    expect(clusterConfigSignals(tool('k8s_create', 'Create any Kubernetes resource.', { resourceType: text, body: { type: 'object' } }))).toEqual([
      { family: 'parameter', effect: 'execute', label: 'cluster-config:any-kind', weight: 0, where: 'inputSchema.properties.resourceType', text: 'resourceType' },
    ]);
  });
});

describe('a credential made under another word (issuedCredentialSignals)', () => {
  it('reads a returned key only in the first 400 characters of the description', () => {
    const late = `${PREAMBLE.repeat(5)}Returns the API key of the agent.`;
    expect(late.indexOf('Returns')).toBeGreaterThan(400);
    expect(issuedCredentialSignals(tool('create_agent', late))).toEqual([]);
    expect(issuedCredentialSignals(tool('create_agent', 'Returns the API key of the agent.'))).toEqual([
      { family: 'description', effect: 'privileged', label: 'issues-credential:returned', weight: 0, where: 'description', text: 'Returns the API key' },
    ]);
  });

  it('finds the database of a login in the words of the name when the description does not say it', () => {
    expect(labels(issuedCredentialSignals(tool('create_db_user', 'Create a login with a password.')))).toEqual(['privileged:issues-credential:database-login:user']);
    expect(labels(issuedCredentialSignals(tool('drop_mysql_login', 'Remove a login and its grants.')))).toEqual(['privileged:issues-credential:database-login:login']);
    // with no database anywhere, a user is an account of the product, not a login of a database
    expect(issuedCredentialSignals(tool('create_user', 'Create a login with a password.'))).toEqual([]);
  });
});

// (a tool with no description at all is read like one with an empty description)
describe('tools with no description', () => {
  const bare = (name: string, properties: Record<string, unknown> = {}): McpTool => ({ name, inputSchema: { type: 'object', properties } });

  it('read the cluster and the document from the name alone', () => {
    expect(labels(clusterConfigSignals(bare('helm_install_chart')))).toEqual(['execute:cluster-config:document:helm_install_chart']);
    expect(clusterConfigSignals(bare('apply_config', { manifest: text }))).toEqual([]);
  });

  it('read a database login from the name alone', () => {
    expect(labels(issuedCredentialSignals(bare('add_postgres_user')))).toEqual(['privileged:issues-credential:database-login:user']);
    expect(issuedCredentialSignals(bare('register_agent'))).toEqual([]);
  });
});

describe('a database login made or dropped (issuedCredentialSignals)', () => {
  it('is a signal of the name, quoting the login word', () => {
    expect(issuedCredentialSignals(tool('create_db_user', 'Create a login with a password.'))).toEqual([
      { family: 'name', effect: 'privileged', label: 'issues-credential:database-login', weight: 0, where: 'name', text: 'user' },
    ]);
  });
});
