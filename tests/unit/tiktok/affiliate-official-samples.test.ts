import { describe, expect, it } from 'vitest';
import {
  marketplaceCreatorOf,
  marketplaceSearchData,
  performanceData,
  performanceOf,
  toRequestBody,
} from '../../../src-main/tiktok/shop/marketplace-creators';
import {
  fractionToBp,
  fulfillmentsData,
  reviewBody,
  reviewData,
  sampleContentOf,
  readSampleApplications,
  sampleSearchData,
} from '../../../src-main/tiktok/shop/sample-applications';
import { officialSample } from '../../helpers/json-shape';

// The app's response schemas must accept TikTok's own published samples, and read them into the values the
// sample shows (docs/tiktok-api/affiliate-creators-and-samples.md).

describe('marketplace creator search, official sample', () => {
  const sample = officialSample('marketplace-creators-search');

  it('parses and normalises the response', () => {
    const data = marketplaceSearchData.parse(sample.response.data);
    expect(data.search_key).toBe('k1ChOzI9e+j5BHHHEnt+VhItjVFEkPUCCXNsrU8/v4U=');
    const c = marketplaceCreatorOf(data.creators[0]!);
    expect(c).toMatchObject({
      openId: 'uACafQAAAABmUU2qon4R0vUYvUVS3QC6CICP2m5A2-wd77j8R9G0yg',
      handle: 'abc',
      nickname: 'cde',
      region: 'GB',
      followers: 23241,
      avgVideoViews: 112,
      avgLiveViewers: 1331,
      gmv: { amountMinor: 123290, currency: 'USD' },
      liveGmv: { amountMinor: 34, currency: 'USD' },
      gmvRange: {
        min: { amountMinor: 100, currency: 'USD' },
        max: { amountMinor: 10034, currency: 'USD' },
        label: '$0-$100',
      },
      unitsSoldRange: { min: 100, max: 1000 },
      majorGender: { gender: 'FEMALE', shareBp: 6524 },
    });
    expect(c.followerAges).toEqual(['AGE_RANGE_18_24', 'AGE_RANGE_25_34']);
  });

  it('builds the documented request body from our filters', () => {
    const body = toRequestBody(
      {
        keyword: 'JefreeStar',
        followerAges: ['AGE_RANGE_18_24', 'AGE_RANGE_35_44'],
        followersMin: 1000,
        followersMax: 10000,
        followerGender: { gender: 'MALE', minShareBp: 6000 },
        gmvRanges: ['GMV_RANGE_0_100', 'GMV_RANGE_100_1000'],
      },
      '2E+0EcXoSk2HWdEWh2nITfkBRMbwuug0mt9s3fWgV0k=',
    );
    const { units_sold_ranges: _u, ...official } = sample.request ?? {};
    expect(body).toEqual(official);
  });

  it('a creator without precise figures has neither GMV nor a made-up zero', () => {
    const data = marketplaceSearchData.parse({
      creators: [{ creator_open_id: 'x1', username: 'a', follower_count: 10 }],
    });
    expect(marketplaceCreatorOf(data.creators[0]!)).toMatchObject({ gmv: null, gmvRange: null });
  });
});

describe('creator performance, official sample', () => {
  it('parses the numbers TikTok sends as text as well as those sent as numbers', () => {
    const data = performanceData.parse(officialSample('marketplace-creator-performance').response.data);
    const p = performanceOf('open-1', data.creator);
    expect(p).toMatchObject({
      handle: 'dioab',
      bio: 'This is my personal introduction',
      followers: 2323,
      unitsSold: 234,
      gmv: { amountMinor: 343423, currency: 'USD' },
      gpm: { amountMinor: 1023 },
      videoEngagementBp: 3000,
      liveEngagementBp: 6000,
      avgCommissionBp: 6000,
      videoCount: 34,
      avgVideoViews: 1234,
      promotionScore: '4.5',
      sellerRating: '3.2',
    });
    expect(p.followerGender).toEqual([{ key: 'Male', share: '0.5000' }]);
  });
});

describe('sample applications, official samples', () => {
  it('search: every documented field reaches the normalised application', () => {
    const data = sampleSearchData.parse(officialSample('sample-applications-search').response.data);
    expect(data.total_count).toBe(100);
    const read = readSampleApplications(data.sample_applications);
    expect(read.rejected).toEqual([]);
    const a = read.items[0];
    expect(a).toEqual({
      applicationId: '123456',
      status: 'PENDING',
      fulfillmentStatus: 'ONGOING',
      commissionBp: 1000,
      orderId: '123456',
      trackingNumber: '123456',
      availableQuantity: 50,
      approveExpiresAt: 1728674995000,
      shipExpiresAt: 1728674995000,
      isApprovable: true,
      disapprovableReasons: ['Product out of stock'],
      partnerName: 'ABC',
      creator: {
        openId: 'uACafQAAAABmUU2qon4R0vUYvUVS3QC6CICP2m5A2-wd77j8R9G0yg',
        handle: 'test.name',
        nickname: 'Test Name',
        avatarUrl: 'https://p16-sign-va.tiktokcdn.com/tos-maliva-avt-0068xxxxx',
        followers: 200,
        gmv30d: { amountMinor: 50000, currency: 'USD' },
        contents30d: 4,
        fulfillmentRate: '60.50',
        medianVideoViews: 1200,
      },
      product: {
        productId: '123456',
        title: 'A women dress',
        skuId: '123456',
        skuName: 'Soft Cover',
        skuImageUrl: 'https://p16-oec-va.ibyteimg.com/tos-malivaxxxxx',
      },
    });
  });

  it('hidden creator figures come as empty strings and read as unknown', () => {
    const data = sampleSearchData.parse({
      sample_applications: [
        { id: '1', status: 'PENDING', creator: { content_count: '', ec_video_view: '', gmv: '' } },
      ],
    });
    expect(readSampleApplications(data.sample_applications).items[0]?.creator).toMatchObject({
      contents30d: null,
      medianVideoViews: null,
      gmv30d: null,
    });
  });

  it('review: the empty data object is a success; the body names the reason only for a rejection', () => {
    expect(reviewData.parse(officialSample('sample-application-review').response.data)).toEqual({});
    expect(reviewBody({ result: 'APPROVE' })).toEqual({ review_result: 'APPROVE' });
    expect(reviewBody({ result: 'REJECT', reason: 'OUT_OF_STOCK' })).toEqual({
      review_result: 'REJECT',
      reject_reason: 'OUT_OF_STOCK',
    });
  });

  it('fulfillments: content with its times in ms', () => {
    const data = fulfillmentsData.parse(officialSample('sample-fulfillments-search').response.data);
    expect(sampleContentOf(data.fulfillments[0]!)).toEqual({
      contentId: '123456',
      productId: '123456',
      format: 'LIVE',
      url: 'https://www.example.com',
      pageLink: 'https://www.example.com',
      description: 'abc def gh',
      views: 100,
      likes: 123,
      comments: 10,
      paidOrders: 1,
      createdAt: 1723529426000,
      liveEndedAt: 1723529426000,
    });
  });

  it('commission rates as fractions become basis points without float error', () => {
    expect(fractionToBp('0.1')).toBe(1000);
    expect(fractionToBp('0.29')).toBe(2900);
    expect(fractionToBp('0.8')).toBe(8000);
    expect(fractionToBp('0.01')).toBe(100);
    expect(fractionToBp('0.123456')).toBe(1235);
    expect(fractionToBp('abc')).toBeNull();
    expect(fractionToBp('')).toBeNull();
  });
});
