// Buttons and button-styled links: at least 48 px high, a visible focus ring (styles.css).
import type { ComponentChildren, JSX } from 'preact';

export type ButtonVariant = 'primary' | 'secondary' | 'danger' | 'ghost';

type ButtonProps = Omit<JSX.HTMLAttributes<HTMLButtonElement>, 'class'> & {
  variant?: ButtonVariant;
  block?: boolean;
  type?: 'button' | 'submit';
  disabled?: boolean;
  children: ComponentChildren;
};

function buttonClass(variant: ButtonVariant, block?: boolean): string {
  return `button button--${variant}${block ? ' button--block' : ''}`;
}

export function Button({
  variant = 'secondary',
  block,
  type = 'button',
  children,
  ...rest
}: ButtonProps) {
  return (
    <button {...rest} type={type} class={buttonClass(variant, block)}>
      {children}
    </button>
  );
}

type LinkButtonProps = Omit<JSX.HTMLAttributes<HTMLAnchorElement>, 'class'> & {
  href: string;
  variant?: ButtonVariant;
  block?: boolean;
  children: ComponentChildren;
};

export function LinkButton({ variant = 'secondary', block, children, ...rest }: LinkButtonProps) {
  return (
    <a {...rest} class={buttonClass(variant, block)}>
      {children}
    </a>
  );
}
