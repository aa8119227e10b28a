// Classes of mistakes found on the development label sets in the session of 2026-11-23 (third part),
// each tested in words of its own: a positive case that fails without its rule and a negative case that stays put.
import { describe, expect, it } from 'vitest';
import { classify, tool, verdict } from './class-helpers.ts';

describe('a conflict mode offered in prose that replaces what exists makes a creating tool destructive', () => {
  it("an option list with 'overwrite' for a name that exists: the one item in the way is replaced (high), even for a folder", () => {
    expect(verdict(classify(tool('upload_asset', 'Uploads an asset to the media library. If an asset with the same name exists, the onConflict option decides: "skip" (default), "overwrite" or "fail".', { name: { type: 'string' }, onConflict: { type: 'string' } })))).toBe('write+destructive high');
    expect(verdict(classify(tool('make_share_folder', "Makes a folder in the team share. On a name conflict the mode can be 'keep-both' or 'replace'.", { parent: { type: 'string' }, name: { type: 'string' } })))).toBe('write+destructive high');
  });

  it('a conflict mode that keeps what exists, or a replace that is no mode, is not', () => {
    expect(verdict(classify(tool('upload_asset', 'Uploads an asset to the media library. If an asset with the same name exists, the onConflict option decides: "skip" (default), "rename" or "fail".', { name: { type: 'string' }, onConflict: { type: 'string' } })))).toBe('write medium');
    expect(verdict(classify(tool('make_share_folder', 'Makes a folder in the team share and returns its id.', { parent: { type: 'string' }, name: { type: 'string' } })))).toBe('write medium');
  });
});

describe("what is kept of people's calls and who they are is personal data", () => {
  it("a call's or a meeting's transcription, and the ids or emails of a server's people", () => {
    expect(verdict(classify(tool('getCallTranscription', 'Gets the text of a phone call.', { callSid: { type: 'string' } })))).toBe('read medium');
    expect(verdict(classify(tool('list_subscriber_emails', 'Lists the newsletter subscriber emails.')))).toBe('read medium');
  });

  it("a video's transcript, or ids of things, are not", () => {
    expect(verdict(classify(tool('getVideoTranscript', 'Gets the transcript of a public video.', { videoId: { type: 'string' } })))).toBe('read low');
    expect(verdict(classify(tool('list_workflow_ids', 'Lists the ids of the workflows.')))).toBe('read low');
  });
});

describe('a switch that empties the target or amends what was made last changes what exists', () => {
  it('`truncateDestination` on a loader empties the table it loads into; `amend` on a commit rewrites the last one', () => {
    // (emptying the table deletes every row it holds: the rubric's critical row, "delete … all of them", since 2026-11-24)
    expect(verdict(classify(tool('import_csv_rows', 'Imports CSV rows into a table.', { table: { type: 'string' }, truncateDestination: { type: 'boolean' } })))).toBe('write+destructive critical');
    expect(verdict(classify(tool('save_snapshot_commit', 'Records the staged changes as a commit.', { message: { type: 'string' }, amend: { type: 'boolean', description: 'Fold into the previous commit.' } })))).toBe('write+destructive medium');
  });

  it('`amend` rewrites what was made last whatever the tool is: a job runner that amends the last job changes it in place', () => {
    // (until rules-126 only a write's amend widened the scope: a runner's amend was no change to what exists)
    expect(verdict(classify(tool('submit_job', 'Submits a batch job to the cluster and runs it.', { spec: { type: 'string' }, amend: { type: 'boolean', description: 'Replace the parameters of the last submitted job.' } })))).toBe('execute+destructive high');
    expect(verdict(classify(tool('submit_job', 'Submits a batch job to the cluster and runs it.', { spec: { type: 'string' } })))).toBe('execute high');
  });

  it('the same tools without those switches only add', () => {
    expect(verdict(classify(tool('import_csv_rows', 'Imports CSV rows into a table.', { table: { type: 'string' }, skipHeader: { type: 'boolean' } })))).toBe('write medium');
    expect(verdict(classify(tool('save_snapshot_commit', 'Records the staged changes as a commit.', { message: { type: 'string' } })))).toBe('write medium');
  });
});

describe('a tool that also undoes what it does takes away what exists', () => {
  it('"follow or unfollow", "star or unstar", and signing out', () => {
    expect(verdict(classify(tool('follow_board', 'Follow or unfollow a board to get its updates.', { board: { type: 'string' }, following: { type: 'boolean' } })))).toBe('write+destructive medium');
    expect(verdict(classify(tool('repo_star', 'Star or unstar a repository for the signed-in account.', { repo: { type: 'string' } })))).toBe('write+destructive medium');
    expect(verdict(classify(tool('logout', 'Log out of the storefront account.')))).toBe('write+destructive medium');
  });

  it('a tool that only does the thing adds', () => {
    expect(verdict(classify(tool('follow_board', 'Follow a board to get its updates.', { board: { type: 'string' } })))).toBe('write medium');
  });
});
