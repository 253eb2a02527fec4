import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { defaultScoreRules } from '@shared/creator-score';
import { ScoreRulesButton } from '../../src-renderer/src/pages/creators/ScoreRulesDialog';
import { FakeBridge, withApi } from './fake-bridge';

function open(used: { regions: string[]; categories: Array<{ id: string; name: string }> }) {
  const bridge = new FakeBridge()
    .handle('creators:scoreStatus', () => ({ running: false, done: 0, total: 0 }))
    .handle('creators:scoreRules', () => defaultScoreRules)
    .handle('creators:scoreRulesUse', () => used);
  render(<ScoreRulesButton />, { wrapper: withApi(bridge) });
  return bridge;
}

const rowOf = async (name: string): Promise<HTMLElement> => {
  const dialog = await screen.findByRole('dialog', { name: 'Eligibility score rules' });
  return within(dialog).getByRole('rowheader', { name }).closest('tr')!;
};

describe('Score rules', () => {
  it("says what the category and region rules compare with: the merchant's products and shops", async () => {
    open({
      regions: ['GB', 'US'],
      categories: [
        { id: '601152', name: 'Beauty & Personal Care' },
        { id: '601450', name: 'Home Supplies' },
      ],
    });
    await userEvent.click(screen.getByRole('button', { name: 'Score rules' }));
    const category = await rowOf('Category match');
    expect(
      await within(category).findByText(
        "Now compares with your products' categories: Beauty & Personal Care, Home Supplies",
      ),
    ).toBeTruthy();
    const region = await rowOf('Region match');
    expect(within(region).getByText("Now compares with your connected shops' regions: GB, US")).toBeTruthy();

    // A list typed in the rule is used instead, and the rule says so.
    await userEvent.type(within(category).getByRole('textbox', { name: 'Only these categories' }), 'Toys');
    expect(
      within(category).getByText('Uses the list you typed instead of your products and shops.'),
    ).toBeTruthy();
  });

  it('says when nothing is known yet, so the rule does not count', async () => {
    open({ regions: [], categories: [] });
    await userEvent.click(screen.getByRole('button', { name: 'Score rules' }));
    const category = await rowOf('Category match');
    expect(
      await within(category).findByText(
        'No product category read yet: this rule counts once a sync has read your products.',
      ),
    ).toBeTruthy();
    const region = await rowOf('Region match');
    expect(within(region).getByText('No shop connected yet: this rule counts once one is.')).toBeTruthy();
  });
});
