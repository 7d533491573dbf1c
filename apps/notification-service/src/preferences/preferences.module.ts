import { Module } from '@nestjs/common';
import { PreferenceStore } from './preference.store';
import { PreferencesController } from './preferences.controller';
import { PreferencesService } from './preferences.service';

@Module({ controllers: [PreferencesController], providers: [PreferencesService, PreferenceStore], exports: [PreferencesService] })
export class PreferencesModule {}
