/**
 * Prettier as saleor/apps has it: double quotes, lines up to 100 characters.
 * @type {import("prettier").Config}
 */
export default {
  singleQuote: false,
  printWidth: 100,
};
