// Buttons and button-styled links: at least 48 px high, a visible focus ring (styles.css).
import type { ComponentChildren, JSX } from 'preact';

export type ButtonVariant = 'primary' | 'secondary' | 'danger' | 'ghost';

type ButtonProps = Omit<JSX.HTMLAttributes<HTMLButtonElement>, 'class'> & {
  variant?: ButtonVariant;
  block?: boolean;
  /** Extra class, e.g. `fab` for the floating action. */
  extraClass?: string;
  type?: 'button' | 'submit';
  disabled?: boolean;
  children: ComponentChildren;
};

function buttonClass(variant: ButtonVariant, block?: boolean, extra?: string): string {
  return `button button--${variant}${block ? ' button--block' : ''}${extra ? ` ${extra}` : ''}`;
}

export function Button({
  variant = 'secondary',
  block,
  extraClass,
  type = 'button',
  children,
  ...rest
}: ButtonProps) {
  return (
    <button {...rest} type={type} class={buttonClass(variant, block, extraClass)}>
      {children}
    </button>
  );
}

type LinkButtonProps = Omit<JSX.HTMLAttributes<HTMLAnchorElement>, 'class'> & {
  href: string;
  variant?: ButtonVariant;
  block?: boolean;
  extraClass?: string;
  children: ComponentChildren;
};

export function LinkButton({
  variant = 'secondary',
  block,
  extraClass,
  children,
  ...rest
}: LinkButtonProps) {
  return (
    <a {...rest} class={buttonClass(variant, block, extraClass)}>
      {children}
    </a>
  );
}
