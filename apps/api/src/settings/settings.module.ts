import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { CouncilSettingsStore } from './council-settings.store';
import { RiskMatrixController } from './risk-matrix.controller';
import { GetRiskMatrixHandler, SetRiskMatrixHandler } from './risk-matrix.handlers';

/** A council's settings (its risk matrix), on a stream of their own; the plan command side reads them. Needs the global `EVENT_STORE`. */
@Module({
  imports: [CqrsModule],
  controllers: [RiskMatrixController],
  providers: [CouncilSettingsStore, SetRiskMatrixHandler, GetRiskMatrixHandler],
  exports: [CouncilSettingsStore],
})
export class SettingsModule {}
