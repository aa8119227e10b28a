// Classes of mistakes found on the development label sets: what runs something (a process, a debugger, a REPL, a job, a
// build) and what only looks like it. Each is tested in words of its own: a positive case that fails without its rule
// and a negative case that stays put.
import { describe, expect, it } from 'vitest';
import { classify, tool, verdict } from '../class-helpers.ts';

describe('a code word that only qualifies a head noun is no code', () => {
  it('`snippet_code_refs`, `script_id`: the value points at code, the tool does not run it', () => {
    expect(verdict(classify(tool('save_note', 'Store a note.', { body: { type: 'string' }, code_refs: { type: 'array', items: { type: 'string' } } })))).toBe('write medium');
    expect(verdict(classify(tool('describe_job', 'Show one job.', { script_id: { type: 'string' } })))).toBe('read low');
  });

  it('the code itself still runs', () => {
    expect(classify(tool('run_job', 'Run a job.', { script: { type: 'string', description: 'The script to run' } })).category).toBe('execute');
    expect(verdict(classify(tool('describe_job', 'Show one job.', { script_body: { type: 'string' } }))).startsWith('execute')).toBe(true);
  });
});

describe('closing, killing or resuming something that runs operates it', () => {
  it('a PTY, a REPL, a queue\'s processing, a kernel', () => {
    expect(verdict(classify(tool('pty_close', 'Closes a pseudo-terminal and ends its process.', { id: { type: 'string' } }))).startsWith('execute')).toBe(true);
    expect(verdict(classify(tool('kill_repl', 'Stops a running REPL.', { id: { type: 'string' } }))).startsWith('execute')).toBe(true);
    expect(verdict(classify(tool('resume_worker_queue', 'Resumes processing of a paused queue.', { name: { type: 'string' } }))).startsWith('execute')).toBe(true);
    expect(verdict(classify(tool('notebook_close_kernel', 'Shuts the kernel of a notebook.'))).startsWith('execute')).toBe(true);
  });

  it('closing an issue or a ticket is still a write', () => {
    expect(verdict(classify(tool('close_issue', 'Close an issue.', { number: { type: 'integer' } }))).startsWith('write')).toBe(true);
    expect(verdict(classify(tool('close_ticket', 'Closes a support ticket.'))).startsWith('write')).toBe(true);
    expect(verdict(classify(tool('close_task', 'Marks a task closed.', { id: { type: 'string' } }))).startsWith('write')).toBe(true);
    expect(verdict(classify(tool('close_milestone_release', 'Closes a release milestone.'))).startsWith('write')).toBe(true);
  });
});

describe('stepping or continuing a program under a debugger runs it', () => {
  it('"Step over the current line", "Continue the debuggee", pausing a running execution: execute, high', () => {
    expect(verdict(classify(tool('dbg_next_line', 'Step over the current line of the paused thread.', { threadId: { type: 'number' } })))).toBe('execute high');
    expect(verdict(classify(tool('dbg_go', 'Continue the debuggee until the next breakpoint.', { threadId: { type: 'number' } })))).toBe('execute high');
    expect(verdict(classify(tool('interrupt_execution', 'Pause the execution of the attached program.', { sessionId: { type: 'string' } })))).toBe('execute+destructive high');
  });

  it('a workflow step or a course step is not', () => {
    expect(verdict(classify(tool('get_workflow_step', 'Returns one step of a workflow with its inputs.', { stepId: { type: 'string' } })))).toBe('read low');
    expect(verdict(classify(tool('list_breakpoints', 'Lists the breakpoints set in the session.', { sessionId: { type: 'string' } })))).toBe('read low');
  });
});

describe('a math, cron or regular expression is computed, not run', () => {
  it('"Evaluates arithmetic expressions" with an `expression` described as one, and a cron expression parsed', () => {
    expect(verdict(classify(tool('calc', 'Evaluates arithmetic expressions and returns the result.', { expression: { type: 'string', description: 'Arithmetic expression, e.g. 2*(3+4)' }, op: { type: 'string', enum: ['eval', 'round'] } })))).toBe('read low');
    expect(verdict(classify(tool('next_runs', 'Lists the next times a schedule fires.', { expression: { type: 'string', description: 'Cron expression with five fields' } })))).toBe('read low');
  });

  it('an expression evaluated in a page or a runtime is still code', () => {
    // (in the page it reaches what the page holds, the rubric's high: code in a web page; in a runtime of the server's, anything)
    expect(verdict(classify(tool('page_eval', 'Evaluates a JavaScript expression in the page.', { expression: { type: 'string' } })))).toBe('execute+destructive high');
    expect(verdict(classify(tool('node_eval', 'Evaluates a JavaScript expression in the server runtime.', { expression: { type: 'string' } })))).toBe('execute+destructive critical');
  });
});

describe('submitting a job runs it; adjusting a quantity or reindexing changes what exists', () => {
  it('"Submits a batch job to the scheduler" is execute', () => {
    expect(verdict(classify(tool('queue_batch_job', 'Submits a batch job to the cluster scheduler.', { job_name: { type: 'string' }, queue: { type: 'string' } })))).toBe('execute high');
    expect(verdict(classify(tool('submit_feedback', 'Submits feedback about the product to the team.', { text: { type: 'string' } })))).toBe('write medium');
  });

  it('`adjust_stock_level` changes one record in place; reindexing into a target replaces what is there', () => {
    expect(verdict(classify(tool('adjust_stock_level', 'Adjust the stock level of a product.', { sku: { type: 'string' }, delta: { type: 'integer' } })))).toBe('write+destructive medium');
    expect(verdict(classify(tool('reindex_documents', 'Reindex documents from a source index into a target index.', { source: { type: 'string' }, target: { type: 'string' } })))).toBe('write+destructive high');
  });
});

describe('a shell, terminal, browser, debugger or SSH session, and a tunnel, run as processes', () => {
  it('starting or opening one is execute, high; closing one ends a process (destructive, high)', () => {
    expect(verdict(classify(tool('sftp_session_open', 'Opens an SFTP session to a host and returns its handle.', { host: { type: 'string' } })))).toBe('execute high');
    expect(verdict(classify(tool('end_session', 'End the given browser session and free its resources.', { id: { type: 'string' } })))).toBe('execute+destructive high');
    expect(verdict(classify(tool('open_shell', 'Open an interactive shell on the box.', { box: { type: 'string' } })))).toBe('execute high');
    expect(verdict(classify(tool('tunnel_create', 'Create a port-forwarding tunnel to a remote port.', { remote_port: { type: 'number' } })))).toBe('execute high');
  });

  it('a login or chat session, and opening a graph node or a file, are not processes', () => {
    expect(verdict(classify(tool('end_session', 'Log out: end the current login session.', { id: { type: 'string' } })))).not.toMatch(/^execute/);
    expect(verdict(classify(tool('close_chat_session', 'Close a chat session with a support agent.', { id: { type: 'string' } })))).not.toMatch(/^execute/);
    expect(verdict(classify(tool('open_nodes', 'Open specific nodes of the knowledge graph by name.', { names: { type: 'array' } })))).toBe('read low');
  });
});

describe('text sent or written to a REPL, a shell or a terminal is typed into it and runs', () => {
  it('`console_send` to a REPL, "Writes a line to the shell": execute', () => {
    expect(verdict(classify(tool('repl_write', 'Writes a line of input to the running REPL.', { session: { type: 'string' }, line: { type: 'string' } })))).toMatch(/^execute/);
    expect(verdict(classify(tool('shell_send', 'Sends keystrokes to an open shell.', { id: { type: 'string' }, keys: { type: 'string' } })))).toMatch(/^execute/);
  });
  it('a message sent to a channel, or text written to a file, is not', () => {
    expect(verdict(classify(tool('channel_send', 'Sends a message to a channel.', { channel: { type: 'string' }, text: { type: 'string' } })))).toMatch(/^write/);
    expect(verdict(classify(tool('file_write', 'Writes text to a file.', { path: { type: 'string' }, text: { type: 'string' } })))).toMatch(/^write/);
  });
});

describe('attaching to a running process, running a program through its CLI, loading a thing into a scene', () => {
  it('attaching a debugger to a process runs it under control (execute, high)', () => {
    expect(verdict(classify(tool('attach', 'Attach the debugger to a running process by its PID.', { pid: { type: 'number' } })))).toBe('execute high');
    expect(verdict(classify(tool('attach_label', 'Attach a label to an issue.', { issue: { type: 'string' }, label: { type: 'string' } })))).toMatch(/^write/);
  });
  it('"Run the linters using the vendor CLI" runs a program on the host (execute); a report run through an API reads', () => {
    expect(verdict(classify(tool('analyze_quality', 'Run quality analysis of a folder using the Acme command-line tool.', { folder: { type: 'string' } })))).toMatch(/^execute/);
    expect(verdict(classify(tool('analyze_quality', 'Run quality analysis of a folder and return the findings.', { folder: { type: 'string' } })))).toBe('read low');
  });
  it('"Load a texture into a mesh node" puts it there (write); loading a file to read it does not', () => {
    expect(verdict(classify(tool('load_texture', 'Load a texture into a mesh node of the open scene.', { node: { type: 'string' }, texture: { type: 'string' } })))).toMatch(/^write/);
    expect(verdict(classify(tool('load_texture', 'Load a texture and return its size and format.', { texture: { type: 'string' } })))).toBe('read low');
  });
  it('cloning or duplicating a thing makes a new one (write); a switch that truncates the table first empties it (critical)', () => {
    expect(verdict(classify(tool('duplicate_board', 'Duplicate a board with its cards.', { board: { type: 'string' } })))).toBe('write medium');
    expect(verdict(classify(tool('import_csv', 'Import rows from a CSV file into a table.', { table: { type: 'string' }, file: { type: 'string' }, truncate_before: { type: 'boolean' } })))).toMatch(/critical$/);
    expect(verdict(classify(tool('import_csv', 'Import rows from a CSV file into a table.', { table: { type: 'string' }, file: { type: 'string' } })))).not.toMatch(/critical$/);
  });
});

describe('building a report, a profile or a query composes an answer; building code runs a build', () => {
  it('`build_cost_report`, "Build a search filter": read', () => {
    expect(verdict(classify(tool('build_cost_report', 'Builds a cost report for the month.', { month: { type: 'string' } })))).toBe('read low');
    expect(verdict(classify(tool('filter_build', 'Build a search filter from plain words.', { words: { type: 'string' } })))).toBe('read low');
  });
  it('`build_project` still builds (execute)', () => {
    expect(verdict(classify(tool('build_project', 'Builds the project with its build tool.', { target: { type: 'string' } })))).toMatch(/^execute/);
  });
});

describe('running a query someone saved reads its results', () => {
  it('a BI card or a saved question run by its id is a read', () => {
    expect(verdict(classify(tool('execute_card', 'Execute a Metabase question/card and get results', { card_id: { type: 'number' } })))).toBe('read low');
    expect(verdict(classify(tool('run_query', 'Runs a saved search and returns the matching rows.', { search_id: { type: 'string' } })))).toBe('read low');
  });

  it('a card run with a query of the caller\'s is still a query run', () => {
    expect(classify(tool('run_card_sql', 'Run a card with a SQL query of your own.', { card_id: { type: 'number' }, query: { type: 'string', description: 'A SQL query to run' } })).category).toBe('execute');
  });
});

describe('booting a simulator or a machine runs it; clearing a box on a page drives the browser', () => {
  it('"Boot an iOS simulator by UDID" executes; `browser_uncheck` on a browser server executes, elsewhere it is no verb', () => {
    expect(verdict(classify(tool('ios_boot_simulator', 'Boot an iOS simulator by UDID.', { udid: { type: 'string' } })))).toBe('execute high');
    const browser = { name: 'io.example/agent-browser', description: 'Browser automation for agents' };
    expect(classify(tool('browser_uncheck', 'Uncheck a checkbox', { selector: { type: 'string' } }), browser).category).toBe('execute');
    expect(classify(tool('todo_uncheck', 'Marks a to-do item as not done.', { id: { type: 'string' } })).category).not.toBe('execute');
  });
});

describe('opening or navigating on a device, a simulator or a browser drives it', () => {
  it('"Open deep link on simulator/device", "Scrolls the node into view": execute, high', () => {
    expect(verdict(classify(tool('open_link_on_device', 'Open a deep link on the simulator or device.', { url: { type: 'string' } })))).toBe('execute high');
    expect(verdict(classify(tool('scroll_node', 'Scrolls the given node into view if it is not visible.', { nodeId: { type: 'string' } })))).toBe('execute high');
  });

  it('opening a record or a file in a service drives nothing', () => {
    expect(classify(tool('open_ticket', 'Opens a support ticket in the helpdesk.', { subject: { type: 'string' } })).category).not.toBe('execute');
    expect(classify(tool('open_nodes', 'Open specific nodes in the knowledge graph by their names.', { names: { type: 'array' } })).category).toBe('read');
  });
});

describe('a training or a prediction of a model host runs: cancelling or starting one operates it', () => {
  it('"Cancel a training" is execute', () => {
    expect(classify(tool('cancel_training', 'Cancel a training.', { training_id: { type: 'string' } })).category).toBe('execute');
    expect(classify(tool('cancel_booking', 'Cancel a booking.', { booking_id: { type: 'string' } })).category).toBe('write');
  });
});

describe('on a browser server, what it keeps of a session is changed without driving the page', () => {
  const browser = { name: 'io.example/browser-tools', description: 'Browser automation with Playwright' };
  it('clearing its captured logs or stopping a screencast is a write; closing a tab still drives the browser', () => {
    expect(classify(tool('wipe_logs', 'Wipe all captured browser logs from memory.', {}), browser).category).toBe('write');
    expect(classify(tool('screencast_stop', 'Stops the screencast recording of the page.', {}), browser).category).toBe('write');
    expect(classify(tool('close_tab', 'Closes the browser tab.', { index: { type: 'number' } }), browser).category).toBe('execute');
  });
});

describe('typing into an input or ticking a checkbox drives the app, though the server does not say it automates one', () => {
  it('"Type text into TextInput by uid", "Check a checkbox or radio button": execute', () => {
    expect(classify(tool('type_text', 'Type text into TextInput by uid. Supports Unicode.', { uid: { type: 'string' }, text: { type: 'string' } })).category).toBe('execute');
    expect(classify(tool('form_checkbox', 'Check a checkbox or radio button.', { selector: { type: 'string' } })).category).toBe('execute');
  });
  it('"Check the status of a deployment" verifies', () => {
    expect(classify(tool('check_status', 'Check the status of a deployment.', { id: { type: 'string' } })).category).toBe('read');
  });
});

describe('input a keyboard, a mouse or a touch screen would send drives the app or device it is sent to', () => {
  it('"Send key event to device", "Emulate touch events on the connected app": execute, high', () => {
    expect(verdict(classify(tool('input_key', 'Send key event to device (Return, Backspace, BACK).', { keycode: { type: 'string' }, deviceId: { type: 'string' } })))).toBe('execute high');
    expect(verdict(classify(tool('touch_input', 'Emulate touch events on the connected app at the given point.', { x: { type: 'number' }, y: { type: 'number' } })))).toBe('execute high');
  });
  it('sending a message or setting a keyboard shortcut in a settings file is no input to a screen', () => {
    expect(classify(tool('send_message', 'Send a message to a channel.', { channel: { type: 'string' }, text: { type: 'string' } })).category).toBe('write');
  });
});
