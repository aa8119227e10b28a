// A program of the caller's choosing started on the server's host: a path to an executable, or the command line of a
// browser it launches (Chromium's flags can run a command). The rubric's critical row: commands on the user's host.
import { describe, expect, it } from 'vitest';
import { classify, tool, verdict } from '../class-helpers.ts';

describe('starting a program of the caller\'s choosing on the host is critical', () => {
  it('a browser launched with command-line flags the caller gives', () => {
    const c = classify(tool('launch_browser', 'Launches a Chromium browser with the given options.', { headless: { type: 'boolean' }, args: { type: 'array', items: { type: 'string' }, description: 'Extra command-line flags' } }));
    expect(verdict(c)).toMatch(/^execute.* critical$/);
    expect(c.rationale.find((s) => s.startsWith('Risk'))).toMatch(/^Risk critical: to launch browser, what it is given \(args\) picks what starts on the host/);
  });

  it('a path to the executable, even inside launch options and on a browser server', () => {
    const navigate = tool('browser_navigate', 'Opens a page in the browser.', { url: { type: 'string' }, launchOptions: { type: 'object', properties: { executablePath: { type: 'string' } } } });
    expect(classify(navigate).risk).toBe('critical');
  });

  it('arguments of a function, or of something launched that is no program, are not a command line', () => {
    expect(classify(tool('call_function', 'Calls a function of the loaded module with the given arguments.', { name: { type: 'string' }, args: { type: 'array', items: { type: 'string' } } })).risk).not.toBe('critical');
    expect(classify(tool('launch_campaign', 'Launches an email campaign to its list.', { campaign_id: { type: 'string' }, args: { type: 'object' } })).risk).not.toBe('critical');
    expect(classify(tool('launch_browser', 'Launches a Chromium browser.', { headless: { type: 'boolean' } })).risk).toBe('high');
  });
});

describe("what a device or browser server types into a REPL, a PTY or a terminal runs on the server's host (critical)", () => {
  const device = { name: 'io.example/mobile', description: 'Automates Android devices and emulators: tap, swipe, screenshots.' };

  it('a command spawned under a PTY, and text written to a REPL session', () => {
    expect(classify(tool('repl_spawn', 'Start an interactive REPL or CLI process under a PTY. Returns the session id.', { id: { type: 'string' }, cmd: { type: 'string', description: 'Command line to spawn' } }), device).risk).toBe('critical');
    expect(classify(tool('repl_send', 'Write text to a REPL session.', { id: { type: 'string' }, text: { type: 'string' } }), device).risk).toBe('critical');
  });

  it('a tap or a script in the page stays the device\'s or the page\'s', () => {
    expect(classify(tool('tap', 'Taps the screen at a point.', { x: { type: 'number' }, y: { type: 'number' } }), device).risk).not.toBe('critical');
    expect(classify(tool('evaluate_script', 'Runs JavaScript in the current page.', { script: { type: 'string' } }), device).risk).not.toBe('critical');
  });
});
