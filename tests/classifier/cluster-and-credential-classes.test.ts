// Classes of the rubric (docs/labelling-guide.md) the rules rated too low: configuration of the caller's choosing put on
// a cluster (arbitrary code on the user's infrastructure, critical), credentials made under other words, and
// sharing an item in a role (a change of permissions, critical).
// Each class has wording of its own: positive cases that need the rule, negative cases that must stay where they are.
import { describe, expect, it } from 'vitest';
import { classify, tool } from './class-helpers.ts';

const text = (description: string) => ({ type: 'string', description });

describe('configuration of the caller’s choosing put on a cluster is critical', () => {
  it('a manifest, a chart or a patch of any resource kind can run any workload and change who may do what', () => {
        expect(classify(tool('openshift_apply_yaml', 'Applies YAML to the OpenShift project.', { yaml: text('The resource definitions'), project: text('Project') })).risk).toBe('critical');
        expect(classify(tool('k8s_deploy_manifests', 'Deploys the given manifests to a Kubernetes namespace.', { manifests: { type: 'array', items: { type: 'string' } }, namespace: text('Namespace') })).risk).toBe('critical');
        expect(classify(tool('release_install', 'Installs a release from a Helm chart repository.', { chartRef: text('Chart reference, e.g. bitnami/redis'), release: text('Release name') })).risk).toBe('critical');
        expect(classify(tool('k3s_edit_object', 'Edits an object in the k3s cluster with a JSON patch.', { kind: text('Object kind, e.g. Role'), objectName: text('Name'), ops: text('JSON patch operations') })).risk).toBe('critical');
    expect(classify(tool('remove_helm_release', 'Uninstalls a Helm release and every resource it created.', { release: text('Release') })).risk).toBe('critical');
  });

  it('not reading, rendering or validating manifests, scaling or restarting what runs, nor charts outside a cluster', () => {
    expect(classify(tool('k8s_get_manifest', 'Gets the manifest of a Kubernetes deployment.', { name: text('Deployment') })).risk).toBe('low');
    expect(classify(tool('helm_template', 'Renders a Helm chart to Kubernetes manifests without installing it.', { chart: text('Chart') })).category).toBe('read');
    expect(classify(tool('k8s_scale_workload', 'Scales a Kubernetes deployment.', { resourceType: text('deployment or statefulset'), replicas: { type: 'number' } })).risk).not.toBe('critical');
    expect(classify(tool('create_chart', 'Creates a bar chart in the spreadsheet.', { chart: text('Chart options') })).risk).toBe('medium');
    expect(classify(tool('k8s_remove_object', 'Removes one Kubernetes object.', { kind: text('Object kind'), name: text('Name') })).risk).toBe('high');
    expect(classify(tool('k8s_create_namespace', 'Creates a Kubernetes namespace.', { name: text('Namespace name') })).risk).not.toBe('critical');
  });
});

describe('a credential made under another word is critical', () => {
  it('something new whose result is a key, a token or a password', () => {
    expect(classify(tool('add_worker', 'Adds a worker to the queue cluster. Returns a secret key the worker uses to authenticate.', { name: text('Worker name') })).risk).toBe('critical');
    expect(classify(tool('provision_tenant', 'Provisions a tenant for the reseller, returning the tenant admin password.', { tenant: text('Tenant name') })).risk).toBe('critical');
    expect(classify(tool('bot_register', 'Register a chat bot on the forum. The response comes with the bot token.', { handle: text('Handle') })).risk).toBe('critical');
  });

  it('a login of a database: its user, created or dropped', () => {
    expect(classify(tool('neon_add_user', 'Adds a user to a Neon database branch.', { roleName: text('Name') })).risk).toBe('critical');
    expect(classify(tool('mysql_remove_user', 'Removes a user from the MySQL server.', { user: text('User') })).risk).toBe('critical');
  });

  it('not a call that only needs a key, returns an id or an upload token, a user outside a database, nor reading users', () => {
    expect(classify(tool('create_task', 'Creates a task. Requires an API key in the environment.', { title: text('Title') })).risk).toBe('medium');
    expect(classify(tool('create_note', 'Creates a note and returns its id.', { body: text('Body') })).risk).toBe('medium');
    expect(classify(tool('create_upload', 'Creates an upload session and returns the upload URL and an upload token.', { filename: text('Name of the upload') })).risk).not.toBe('critical');
    expect(classify(tool('crm_create_user', 'Creates a customer user record in the CRM.', { email: text('Email') })).risk).not.toBe('critical');
    expect(classify(tool('list_db_users', 'Lists the users of a database cluster.', { cluster: text('Cluster') })).category).toBe('read');
  });
});

describe('sharing an item with someone in a role changes permissions', () => {
  it('a role parameter, or prose that says the share gives permissions or a role', () => {
    expect(classify(tool('share_notebook', 'Shares a notebook with a colleague.', { notebookId: text('Notebook'), email: text('Colleague'), accessLevel: { type: 'string', enum: ['view', 'edit', 'admin'] } })).risk).toBe('critical');
    expect(classify(tool('board_share', 'Shares a whiteboard; the invited person joins as an editor.', { boardId: text('Board'), invitee: text('Email') })).risk).toBe('critical');
  });

  it('not a share of storage, nor sending an item to someone (a share link is a change of visibility: sharing-and-visibility)', () => {
    expect(classify(tool('share_post', 'Shares a post to the team channel.', { postId: text('Post'), channel: text('Channel') })).risk).toBe('medium');
    expect(classify(tool('create_file_share', 'Creates an SMB file share.', { name: text('Share name'), quotaGb: { type: 'number' } })).risk).not.toBe('critical');
  });
});
