import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { CouncilSettingsStore } from './council-settings.store';
import { RiskMatrixController } from './risk-matrix.controller';
import { GetRiskMatrixHandler, SetRiskMatrixHandler } from './risk-matrix.handlers';
import { RollupRuleController } from './rollup-rule.controller';
import { GetRollupRuleHandler, SetRollupRuleHandler } from './rollup-rule.handlers';

/**
 * A council's settings (its risk matrix and roll-up rule), on a stream of their own; the plan command
 * side reads the matrix, reports the roll-up rule. Needs the global `EVENT_STORE`.
 */
@Module({
  imports: [CqrsModule],
  controllers: [RiskMatrixController, RollupRuleController],
  providers: [CouncilSettingsStore, SetRiskMatrixHandler, GetRiskMatrixHandler, SetRollupRuleHandler, GetRollupRuleHandler],
  exports: [CouncilSettingsStore],
})
export class SettingsModule {}
