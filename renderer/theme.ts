// The app's PrimeVue theme: Aura with a dark blue primary, so that white text on primary buttons
// and the primary text colour meet WCAG 2.1 AA contrast (4.5:1); Aura's default emerald does not.
// Form fields (WCAG 1.4.11 non-text contrast, 2.4.7 focus visible): Aura draws their border in
// surface.300 (#cbd5e1, about 1.5:1 on white) and shows focus only by recolouring that 1 px border.
// Here the border is surface.500 (#64748b, 4.8:1 on white, 4.4:1 on the page's #f5f7fb) and focus
// adds a 2 px outline in the primary colour, on every PrimeVue field (InputText, Textarea, Select,
// DatePicker, InputNumber, Checkbox, RadioButton...) since they all read the formField tokens.
import { definePreset } from '@primeuix/themes';
import Aura from '@primeuix/themes/aura';

export const RaddPreset = definePreset(Aura, {
  semantic: {
    formField: {
      focusRing: { width: '2px', style: 'solid', color: '{primary.color}', offset: '1px', shadow: 'none' },
    },
    primary: {
      50: '{blue.50}', 100: '{blue.100}', 200: '{blue.200}', 300: '{blue.300}', 400: '{blue.400}',
      500: '{blue.500}', 600: '{blue.600}', 700: '{blue.700}', 800: '{blue.800}', 900: '{blue.900}', 950: '{blue.950}',
    },
    colorScheme: {
      light: {
        primary: { color: '{primary.700}', contrastColor: '#ffffff', hoverColor: '{primary.800}', activeColor: '{primary.900}' },
        highlight: { background: '{primary.50}', focusBackground: '{primary.100}', color: '{primary.800}', focusColor: '{primary.900}' },
        formField: {
          placeholderColor: '{surface.600}',
          borderColor: '{surface.500}',
          hoverBorderColor: '{surface.600}',
          invalidBorderColor: '{red.700}',
        },
      },
    },
  },
  components: {
    toast: {
      colorScheme: {
        light: {
          info: { color: '{blue.800}', detailColor: '{surface.800}' },
          success: { color: '{green.800}', detailColor: '{surface.800}' },
          warn: { color: '{yellow.900}', detailColor: '{surface.800}' },
          error: { color: '{red.800}', detailColor: '{surface.800}' },
          secondary: { color: '{surface.700}', detailColor: '{surface.800}' },
        },
      },
    },
    // Message text one shade darker than Aura's, for 4.5:1 on the tinted backgrounds.
    message: {
      colorScheme: {
        light: {
          info: { color: '{blue.800}' },
          success: { color: '{green.800}' },
          warn: { color: '{yellow.900}' },
          error: { color: '{red.800}' },
          secondary: { color: '{surface.700}' },
        },
      },
    },
  },
});
