import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { CollectionRuleController } from './collection-rule.controller';
import { GetCollectionRuleHandler, SetCollectionRuleHandler } from './collection-rule.handlers';
import { CouncilSettingsStore } from './council-settings.store';
import { RiskMatrixController } from './risk-matrix.controller';
import { GetRiskMatrixHandler, SetRiskMatrixHandler } from './risk-matrix.handlers';
import { RollupRuleController } from './rollup-rule.controller';
import { GetRollupRuleHandler, SetRollupRuleHandler } from './rollup-rule.handlers';

/**
 * A council's settings (its risk matrix, roll-up rule and data-collection rule), on a stream of their
 * own; the plan command side reads the matrix, reports the roll-up and collection rules. Needs the global `EVENT_STORE`.
 */
@Module({
  imports: [CqrsModule],
  controllers: [RiskMatrixController, RollupRuleController, CollectionRuleController],
  providers: [
    CouncilSettingsStore,
    SetRiskMatrixHandler,
    GetRiskMatrixHandler,
    SetRollupRuleHandler,
    GetRollupRuleHandler,
    SetCollectionRuleHandler,
    GetCollectionRuleHandler,
  ],
  exports: [CouncilSettingsStore],
})
export class SettingsModule {}
