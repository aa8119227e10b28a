// Classes of mistakes found on the development label sets in the session of 2026-11-24 (afternoon),
// each tested in words of its own: a positive case that fails without its rule and a negative case
// that stays put.
import { describe, expect, it } from 'vitest';
import { classify, tool, verdict } from './class-helpers.ts';

describe("an online shop's orders, a CRM's objects and a bare search of such a server are people's records", () => {
  const shop = { name: 'io.example/tea-shop', description: 'Manage the products, orders and customers of an online store.' };
  const crm = { name: 'io.example/pipeline-crm', description: 'A CRM for small sales teams.' };

  it('reading the orders of a shop, or the objects of a CRM, returns personal data (medium)', () => {
    expect(verdict(classify(tool('fetch_order', 'Fetch one order with its lines and shipping details.', { order_id: { type: 'string' } }), shop))).toBe('read medium');
    expect(verdict(classify(tool('crm_query_objects', 'Query objects of a given type with filters.', { type: { type: 'string' } }), crm))).toBe('read medium');
  });

  it('a tool named only by a retrieving verb reads the records of such a server (medium)', () => {
    expect(verdict(classify(tool('search', 'Search across everything in the workspace.', { q: { type: 'string' } }), crm))).toBe('read medium');
  });

  it("the shop's products, a CRM object's schema or fields, and the same names on another server, stay low", () => {
    expect(verdict(classify(tool('fetch_product', 'Fetch one product with its variants.', { product_id: { type: 'string' } }), shop))).toBe('read low');
    expect(verdict(classify(tool('crm_get_object_schema', 'Returns the schema of an object type.', { type: { type: 'string' } }), crm))).toBe('read low');
    expect(verdict(classify(tool('crm_list_fields_by_object', 'Lists the custom fields of an object type.', { type: { type: 'string' } }), crm))).toBe('read low');
    expect(verdict(classify(tool('fetch_order', 'Fetch one order with its lines and shipping details.', { order_id: { type: 'string' } })))).toBe('read low');
    expect(verdict(classify(tool('search', 'Search across everything in the workspace.', { q: { type: 'string' } })))).toBe('read low');
  });
});

describe('a service or an app created from a repository or an image is deployed and billed while it runs', () => {
  it('creating a web service from a git URL, or an app from a container image: write, high', () => {
    expect(verdict(classify(tool('create_app', 'Creates an app on the hosting platform.', { name: { type: 'string' }, repository: { type: 'string' }, branch: { type: 'string' } })))).toBe('write high');
    expect(verdict(classify(tool('service_create', 'Create a worker service.', { name: { type: 'string' }, container_image: { type: 'string' } })))).toBe('write high');
  });

  it('an app or a service created without code to run (an OAuth app with a logo, a service record) stays medium', () => {
    expect(verdict(classify(tool('create_app', 'Registers an OAuth app for the integration.', { name: { type: 'string' }, logo_url: { type: 'string' }, redirect_uri: { type: 'string' } })))).toBe('write medium');
    expect(verdict(classify(tool('create_service', 'Create a service entry in the catalog.', { name: { type: 'string' }, owner: { type: 'string' } })))).toBe('write medium');
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

describe('placing an order buys what it orders', () => {
  it('"Place the order with the stored card", `place_grocery_order`: money moves (critical)', () => {
    expect(verdict(classify(tool('checkout', 'Place the order with the stored card and return the receipt.', { cardId: { type: 'string' } })))).toMatch(/critical$/);
    expect(verdict(classify(tool('place_grocery_order', 'Orders the items in the basket for delivery.', { basketId: { type: 'string' } })))).toMatch(/critical$/);
  });

  it("a place's details, an order's details, and a shop confirming an order it received are not purchases", () => {
    expect(verdict(classify(tool('get_place_details', 'Get details of a place by its id.', { placeId: { type: 'string' } })))).toBe('read low');
    expect(verdict(classify(tool('get_order', 'Get one order by id.', { orderId: { type: 'string' } })))).toBe('read low');
    expect(verdict(classify(tool('confirm_order', 'Confirm a pending order: moves it to confirmed status.', { id: { type: 'string' } })))).not.toMatch(/critical$/);
  });
});

describe('rows, records or documents changed through a filter the call must give are changed by a filter', () => {
  const byFilter = (name: string, description: string) => tool(name, description, { table: { type: 'string' }, where: { type: 'object', description: 'Which rows.' }, values: { type: 'object' } });
  it('updating them is high, deleting them is critical', () => {
    const update = byFilter('update_records', 'Update records of a table.');
    update.inputSchema.required = ['table', 'where'];
    expect(verdict(classify(update))).toBe('write+destructive high');
    const remove = byFilter('delete_records', 'Delete records of a table.');
    remove.inputSchema.required = ['table', 'where'];
    expect(verdict(classify(remove))).toBe('write+destructive critical');
  });

  it('an optional filter, or one record by its id, stays as it was', () => {
    expect(verdict(classify(byFilter('update_records', 'Update records of a table.')))).toBe('write+destructive medium');
    const one = tool('update_record', 'Update one record by id.', { id: { type: 'string' }, values: { type: 'object' } });
    one.inputSchema.required = ['id'];
    expect(verdict(classify(one))).toBe('write+destructive medium');
  });
});

describe('requests documented with a method of the caller\'s choosing and an address can change and delete', () => {
  it("\"{ method: 'GET'|'PATCH'|'DELETE', path: … }\" in the description: write, destructive, high", () => {
    expect(verdict(classify(tool('api_multi', "Send several API requests at once. Each item: { method: 'GET'|'PATCH'|'DELETE', path: '/v2/items/1', body?: {...} }.", { requests: { type: 'array' } })))).toBe('write+destructive high');
  });

  it('methods named without an address, or only GET, change nothing', () => {
    expect(verdict(classify(tool('list_requests', "List captured requests. Each has method: 'GET'|'POST'|'DELETE' and a status code.", { tab: { type: 'string' } })))).toBe('read low');
    expect(verdict(classify(tool('api_multi_read', "Send several read requests at once. Each item: { method: 'GET'|'HEAD', path: '/v2/items/1' }.", { requests: { type: 'array' } })))).not.toMatch(/destructive/);
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

describe('a link built for the user to view or explore is only a link, whatever query it carries', () => {
  it('"Generate a dashboard link … lets users explore the results": read, low', () => {
    expect(verdict(classify(tool('get_explore_link', 'Generate an explore link for a query that lets users view the results in the browser.', { query: { type: 'string', description: 'SQL query to show.' } })))).toBe('read low');
  });
  it('a tool that runs the query it is given still runs it', () => {
    expect(verdict(classify(tool('run_query', 'Run a query and return its rows.', { query: { type: 'string', description: 'SQL query to run.' } })))).toMatch(/^execute/);
  });
});

describe("a read of a database's connection string or connection details returns what logs in to it", () => {
  it('"Returns the connection string of the warehouse": read, medium (sensitive)', () => {
    expect(verdict(classify(tool('warehouse_info', 'Returns the connection string of the warehouse.', { id: { type: 'string' } })))).toBe('read medium');
  });
  it('the tables or the size of a database read nothing secret', () => {
    expect(verdict(classify(tool('warehouse_info', 'Returns the tables and the size of the warehouse.', { id: { type: 'string' } })))).toBe('read low');
  });
});
