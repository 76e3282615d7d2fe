import { BadRequestException } from '@nestjs/common';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, Min, ValidateBy, ValidateNested } from 'class-validator';
import { createValidationPipe } from './validation';

class PagingQuery {
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  limit?: number;
}

class SearchQuery {
  @IsString()
  text: string;
}

class OutcomeBody {
  @IsString()
  description: string;
}

class PriorityBody {
  @IsString()
  title: string;

  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100)
  percentComplete?: number;

  @ValidateNested({ each: true })
  @Type(() => OutcomeBody)
  outcomes: OutcomeBody[];

  @IsOptional()
  @ValidateBy({
    name: 'noBlankTag',
    validator: {
      validate: (tags: string[]) => tags.every((tag) => tag !== ''),
      defaultMessage: (args) => `${args?.property}[${(args?.value as string[]).indexOf('')}] must not be blank`,
    },
  })
  tags?: string[];
}

async function refusal(body: unknown): Promise<unknown> {
  try {
    await createValidationPipe().transform(body, { type: 'body', metatype: PriorityBody });
  } catch (error) {
    if (error instanceof BadRequestException) return error.getResponse();
    throw error;
  }
  throw new Error('the body was accepted');
}

describe('the validation pipe', () => {
  it('names every offending field, nested ones by their path, and unknown fields', async () => {
    const answer = await refusal({
      title: 7,
      percentComplete: 120,
      outcomes: [{ description: 'Ongoing' }, { description: 3 }],
      colour: 'red',
    });

    expect(answer).toEqual({
      statusCode: 400,
      error: 'Bad Request',
      message: expect.arrayContaining([
        'title: must be a string',
        'percentComplete: must not be greater than 100',
        'outcomes[1].description: must be a string',
        'colour: should not exist',
      ]),
    });
    expect((answer as { message: string[] }).message).toHaveLength(4);
  });

  it('names the element of a list that a rule of the list refuses', async () => {
    const answer = await refusal({ title: 'Digital', outcomes: [], tags: ['web', ''] });

    expect((answer as { message: string[] }).message).toEqual(['tags[1]: must not be blank']);
  });

  it('converts an accepted body into the DTO class', async () => {
    const accepted = await createValidationPipe().transform(
      { title: 'Digital services', outcomes: [{ description: 'Oct 2023' }] },
      { type: 'body', metatype: PriorityBody },
    );

    expect(accepted).toBeInstanceOf(PriorityBody);
    expect(accepted.outcomes[0]).toBeInstanceOf(OutcomeBody);
  });

  it('gives a query sent empty its DTO class every time, and refuses it every time its class needs a field', async () => {
    const pipe = createValidationPipe();
    const read = (metatype: new () => object) => pipe.transform({}, { type: 'query', metatype });

    for (let n = 0; n < 2; n++) {
      const accepted = await read(PagingQuery);
      expect(accepted).toBeInstanceOf(PagingQuery);
      expect(accepted).toEqual({});
      await expect(read(SearchQuery)).rejects.toMatchObject({ response: { message: ['text: must be a string'] } });
    }
    await expect(pipe.transform({ limit: 'many' }, { type: 'query', metatype: PagingQuery })).rejects.toBeInstanceOf(BadRequestException);
  });
});
