// Classes of mistakes found on the development label sets: an order placed on a market or in a shop moves money, a
// purchase document does not, a deployed service is billed. Each is tested in words of its own: a positive case that
// fails without its rule and a negative case that stays put.
import { describe, expect, it } from 'vitest';
import { classify, tool, verdict } from '../class-helpers.ts';

describe('an order on a market trades money', () => {
  it('placing a limit, stop or futures order is a financial write', () => {
    for (const definition of [tool('place_limit_order', 'Place a limit order for a symbol.', { symbol: { type: 'string' }, price: { type: 'number' } }), tool('broker_place_stop_order', 'Places a stop order.')]) {
      const c = classify(definition);
      expect([c.category, c.financial, c.risk], definition.name).toEqual(['write', true, 'critical']);
    }
  });

  it('a shop order, a place, or a listing of orders moves nothing', () => {
    expect(verdict(classify(tool('get_place_info', 'Details of a place on the map.')))).toBe('read low');
    expect(verdict(classify(tool('list_limit_orders', 'List open limit orders.')))).toBe('read low');
    expect(classify(tool('create_order_note', 'Adds a note to a shop order.')).financial).toBe(false);
  });
});

describe('an order on a market leaves the account holding something else', () => {
  it('placing a market or limit order is a destructive money move, as any payment is', () => {
    const c = classify(tool('place_spot_limit_order', 'Places a limit order on the exchange.', { symbol: { type: 'string' }, qty: { type: 'number' } }));
    expect([c.financial, c.destructive, c.risk]).toEqual([true, true, 'critical']);
  });
  it('reading orders moves nothing', () => {
    expect(classify(tool('list_limit_orders', 'Lists open limit orders.')).destructive).toBe(false);
  });
});

describe('a purchase order, invoice or receipt named in a tool name is a document, not a purchase made', () => {
  it('`crm_purchase_requisition_list` and `ledger_purchase_invoice_fetch` read', () => {
    expect(verdict(classify(tool('crm_purchase_requisition_list', 'Lists purchase requisitions of a department.', { department: { type: 'string' } })))).toBe('read low');
    expect(verdict(classify(tool('ledger_purchase_invoice_fetch', 'Fetches one bill by its number.', { number: { type: 'string' } })))).toBe('read low');
    // (a bill that names who is paid is money data about a counterparty: a read of personal data)
    expect(verdict(classify(tool('ledger_purchase_invoice_fetch', 'Fetches one supplier bill by its number.', { number: { type: 'string' } })))).toBe('read medium');
  });

  it('a purchase named as the action still moves money', () => {
    expect(verdict(classify(tool('store_purchase_gift_card', 'Buys a gift card with the saved payment method.', { amount: { type: 'number' } })))).toBe('write critical');
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

describe('pausing, resuming or changing a subscription that bills changes what it bills (critical)', () => {
  it('"Pause a subscription. Stop billing while retaining it", an update with seats', () => {
    expect(classify(tool('subscriptions-pause', 'Pause a subscription. Stop billing while retaining the subscription for later resumption.', { id: { type: 'string' } })).risk).toBe('critical');
    expect(classify(tool('update_subscription', 'Update a subscription.', { id: { type: 'string' }, seats: { type: 'number' } })).risk).toBe('critical');
  });

  it('renewing a subscription that bills places the charge again ("a renewal order … charged to the default payment method")', () => {
    expect(classify(tool('renew_subscription', 'Creates a renewal order for an existing hosting subscription, charged to the default payment method.', { subscription_id: { type: 'string' } })).risk).toBe('critical');
    expect(classify(tool('renew_subscription', 'Renews a change-notification subscription by extending its expiry.', { subscription_id: { type: 'string' }, expires_at: { type: 'string' } })).risk).not.toBe('critical');
  });

  it('a webhook subscription renewed or paused bills nothing', () => {
    expect(classify(tool('update-subscription', 'Renews a change-notification subscription by extending its expiry.', { id: { type: 'string' }, expirationDateTime: { type: 'string' } })).risk).not.toBe('critical');
    expect(classify(tool('pause_subscription', 'Pauses delivery of a webhook subscription.', { id: { type: 'string' } })).risk).not.toBe('critical');
  });
});

describe('on a server that keeps books, a transaction or an expense written is a record of money, not money moved', () => {
  const books = { name: 'io.example/lunch-money', description: 'MCP server for personal finance management' };
  const amount = { amount: { type: 'number' }, currency: { type: 'string' } };
  it('inserting or updating transactions, recording an expense: medium', () => {
    expect(verdict(classify(tool('create_transactions', 'Insert one or more transactions.', amount), books))).toBe('write medium');
    expect(verdict(classify(tool('create_expense', 'Records an expense in the books.', amount), books))).toBe('write medium');
  });

  it('paying a bill there still moves money, and a transaction elsewhere is a payment made', () => {
    expect(classify(tool('create_bill_payment', 'Pays one or more existing bills from a bank account.', amount), books).risk).toBe('critical');
    expect(classify(tool('create_transactions', 'Insert one or more transactions.', amount)).risk).toBe('critical');
  });
});

describe('money the call pays out of a balance, or releases to someone, is money moved (critical)', () => {
  it('"deducted from your account balance", "the escrowed funds are paid out to the freelancer"', () => {
    expect(classify(tool('post_gig', 'Posts a paid gig for a human helper. The reward is deducted from your account balance.', { title: { type: 'string' }, reward: { type: 'number' } })).risk).toBe('critical');
    expect(classify(tool('accept_delivery', 'Accepts a delivery; the escrowed funds are paid out to the seller.', { id: { type: 'string' } })).risk).toBe('critical');
  });

  it('reading a balance, or a release of software, moves none', () => {
    expect(classify(tool('get_balance', 'Returns the balance of your wallet and the credits deducted last month.', {})).risk).toBe('low');
    expect(classify(tool('publish_build', 'Publishes a build; the update is released to all testers.', { build: { type: 'string' } })).risk).not.toBe('critical');
  });
});

describe('changing the plan or tier of a paid service changes what it bills (critical)', () => {
  it('an upgrade to a paid tier, a change of the billing plan', () => {
    expect(classify(tool('upgrade_plan', 'Upgrade the workspace to a higher plan.', { plan: { type: 'string', enum: ['pro', 'business'] } })).risk).toBe('critical');
    expect(classify(tool('change_tier', 'Moves the database to another tier; billed per hour.', { db: { type: 'string' }, tier: { type: 'string' } })).risk).toBe('critical');
  });

  it('a plan of work or a query plan bills nothing', () => {
    expect(classify(tool('change_plan', 'Change the execution plan of a query.', { query_id: { type: 'string' } })).risk).not.toBe('critical');
    expect(classify(tool('update_plan', 'Update the task plan with new steps.', { steps: { type: 'array' } })).risk).not.toBe('critical');
  });
});
